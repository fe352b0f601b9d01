package dev.selftune.util;

/**
 * The current thread's allocation counter (HotSpot's {@code com.sun.management.ThreadMXBean}): what the
 * verifier reads around a call and what {@code measure.OpAllocation} reads around an operation.
 */
public final class ThreadAllocation {
    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private ThreadAllocation() { }

    private static com.sun.management.ThreadMXBean threads() {
        try {
            return java.lang.management.ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                    && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled() ? t : null;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** True when this JVM counts each thread's allocation. */
    public static boolean available() {
        return THREADS != null;
    }

    /** Bytes this thread has allocated so far; -1 when the JVM does not count them. */
    public static long bytes() {
        return THREADS == null ? -1 : THREADS.getCurrentThreadAllocatedBytes();
    }
}
