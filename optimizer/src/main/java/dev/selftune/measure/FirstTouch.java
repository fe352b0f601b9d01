package dev.selftune.measure;

import java.nio.ByteBuffer;

/**
 * What this machine charges for the first write to a fresh page of memory, measured once per JVM.
 * On the VM this was written on a 4 KB page fault cost about 7.6 us (a 1 GB pre-touched heap took
 * 2 s to start), on an earlier one about seven times less; a fork that allocates fast pays it for
 * every page its growing eden touches (docs/measuring.md, "First touches").
 */
public final class FirstTouch {
    public static final int PAGE = 4096;
    private static final int PAGES = 8192;   // 32 MB
    private static volatile double secondsPerPage = Double.NaN;

    private FirstTouch() { }

    /*
     * ByteBuffer.allocateDirect reserves fresh memory from the C heap (mmap for this size) and zeroes
     * it, so the call writes every page once: its time over the page count is the first-touch cost
     * (plus 32 MB of memset, a few ms, so a slight overestimate). The faster of two allocations is
     * kept; the buffers are freed when collected.
     */
    /** Seconds per first touch of a 4 KB page (NaN when it could not be measured). */
    public static double secondsPerPage() {
        double s = secondsPerPage;
        if (Double.isNaN(s)) {
            s = Math.min(once(), once());
            secondsPerPage = s;
        }
        return s;
    }

    private static double once() {
        try {
            long t0 = System.nanoTime();
            ByteBuffer b = ByteBuffer.allocateDirect(PAGES * PAGE);
            long t1 = System.nanoTime();
            return b.capacity() == PAGES * PAGE ? (t1 - t0) / 1e9 / PAGES : Double.NaN;
        } catch (OutOfMemoryError e) {
            return Double.NaN;
        }
    }
}
