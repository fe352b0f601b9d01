package dev.selftune.install;

import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.asm.Advice;

/** ByteBuddy advice counting entries, like an APM agent or the selftune argument capture would weave. */
public final class EntryAdvice {
    public static final AtomicInteger ENTRIES = new AtomicInteger();

    private EntryAdvice() { }

    @Advice.OnMethodEnter
    static void enter() {
        ENTRIES.incrementAndGet();
    }
}
