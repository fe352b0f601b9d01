package dev.selftune.agent;

import dev.selftune.api.MethodRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The three parts of self-tuning that touch the world, replaceable in tests: sampling, the tuning child, the swap. */
final class SelfTuneSeams {
    private SelfTuneSeams() { }

    /** Samples of selftune's own methods so far (cumulative; the tuner takes differences per generation). */
    interface Sampler extends AutoCloseable {
        Map<MethodRef, Long> counts();

        @Override
        void close();
    }

    /** Tunes one own method out of process and returns the child's report; throws when the child failed. */
    interface Tuning {
        TuneReport tune(MethodRef method, Class<?> owner, Path inputsFile, Duration budget, Path dir) throws Exception;
    }

    /** What a capture of one own method's calls left: the rows file (null without rows) and why a receiver was refused. */
    record Captured(Path inputsFile, int rows, boolean receiverCaptured, String refusal) { }

    /** Records real calls of an own method in the background while the next generation works. */
    interface Capturing {
        Recording start(Class<?> owner, MethodRef method);
    }

    /** A capture under way: {@code finish} waits for it to end (bounded) and writes its rows into {@code file}. */
    interface Recording {
        Captured finish(Path file);
    }

    /** Installs a confirmed winner into this JVM (guarded, with rollback) or takes it out again. */
    interface Swapping {
        void swap(Class<?> owner, MethodRef method, String variantId, byte[] winnerClass);

        void rollback(Class<?> owner, MethodRef method);
    }
}
