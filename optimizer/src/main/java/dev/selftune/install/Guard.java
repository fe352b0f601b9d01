package dev.selftune.install;

import dev.selftune.api.MethodRef;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** One activation of a call site target: counts what crosses it and reports exceptions, never throwing its own. */
final class Guard {
    /*
     * The target is wrapped with MethodHandles.catchException (and, on probation, foldArguments
     * with a counter increment). Both are LambdaForms C2 inlines through a constant call site: an
     * exception handler costs nothing until something is thrown. The call counter is a plain
     * long[] slot, racy on purpose: a LongAdder (a CAS per call) measured 8-12 ns/call on a 0.5 ns
     * method here (SwapSmoke, JDK 17 and 25), the plain add 0-1.5 ns; a guard needs a rate,
     * not an exact count, and lost updates under contention only undercount. Counting still
     * disturbs loop optimisations around the call, which is why it stops at settle(). The handler rethrows the same Throwable,
     * whose stack trace was filled where it was created; the variant's own frames are hidden
     * frames (not shown without -XX:+ShowHiddenFrames), hence the one-time log line naming the
     * variant. A failing listener or log is swallowed: the application sees its own exception only.
     */
    private static final MethodHandle ON_THROW;
    private static final MethodHandle TICK;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ON_THROW = lookup.findVirtual(Guard.class, "onThrow", MethodType.methodType(Throwable.class, Throwable.class));
            TICK = lookup.findStatic(Guard.class, "tick", MethodType.methodType(void.class, long[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final String variantId;
    private final MethodRef method;
    private final long since;
    private final LongAdder exceptions = new LongAdder();
    private final long[] calls;
    private final Consumer<String> log;
    private final Supplier<SwapListener> listener;
    private volatile boolean logged;

    Guard(MethodRef method, String variantId, boolean countCalls, Consumer<String> log, Supplier<SwapListener> listener) {
        this(method, variantId, countCalls, log, listener, System.nanoTime());
    }

    private Guard(MethodRef method, String variantId, boolean countCalls, Consumer<String> log,
                  Supplier<SwapListener> listener, long since) {
        this.since = since;
        this.method = method;
        this.variantId = variantId;
        this.calls = countCalls ? new long[1] : null;
        this.log = log;
        this.listener = listener;
    }

    /** {@code target} with this guard's exception hook and, if counting, its call counter. */
    MethodHandle wrap(MethodHandle target) {
        MethodHandle counted = calls == null ? target : MethodHandles.foldArguments(target, TICK.bindTo(calls));
        MethodType type = target.type();
        MethodHandle handler = MethodHandles.filterReturnValue(ON_THROW.bindTo(this),
                MethodHandles.throwException(type.returnType(), Throwable.class));
        return MethodHandles.catchException(counted, Throwable.class, handler);
    }

    /** The same guard with call counting off; exceptions keep being counted. */
    Guard settled() {
        Guard g = new Guard(method, variantId, false, log, listener, since);
        g.logged = logged;
        g.exceptions.add(exceptions.sum());
        return g;
    }

    GuardStats stats() {
        return new GuardStats(variantId, calls == null ? -1 : calls[0], exceptions.sum(),
                Duration.ofNanos(System.nanoTime() - since));
    }

    private static void tick(long[] calls) {
        calls[0]++;
    }

    private Throwable onThrow(Throwable thrown) {
        try {
            exceptions.increment();
            if (!logged && !HotSwapper.ORIGINAL.equals(variantId)) {
                logged = true;
                log.accept(thrown.getClass().getName() + " left " + method + " while variant " + variantId
                        + " was active (its frames are hidden from the stack trace)");
            }
            SwapListener l = listener.get();
            if (l != null) {
                l.exceptionCrossed(method, variantId, thrown);
            }
        } catch (Throwable ignored) {
            // the host's own exception matters; a failing log or listener must not replace it
        }
        return thrown;
    }
}
