package dev.selftune.measure;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
    private static volatile double hugePreTouch = Double.NaN;
    private static volatile boolean hugePreTouchAsked;
    /** What a JVM needs to back its heap with the kernel's 2 MB pages when they are given on request. */
    public static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
    private static final Path THP_MODE = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

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

    /** Whether the kernel gives 2 MB pages to a program that asks (transparent huge pages "always" or "madvise"). */
    public static boolean hugePagesOnRequest() {
        try {
            return hugePagesOnRequest(Files.readString(THP_MODE, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return false;   // not Linux, or no transparent huge pages
        }
    }

    /** {@link #hugePagesOnRequest()} for the text of the kernel's mode file. */
    public static boolean hugePagesOnRequest(String mode) {
        return mode.contains("[always]") || mode.contains("[madvise]");
    }

    /*
     * A pre-touched 1 GB heap in 4 KB pages is 262,144 page faults: 1.7-4 s per fork start on the VMs this
     * ran on, more than a screening fork itself. In the kernel's 2 MB pages it is 512 faults: a JVM start
     * measured here took 0.09 s plain and 0.12-0.16 s pre-touched with -XX:+UseTransparentHugePages (1.0 s
     * once, when the kernel first had to compact memory for the pages). So this is measured, not assumed:
     * the faster of two such starts minus the faster of two plain ones, with the heap every fork gets. NaN when the kernel
     * gives no huge pages on request, the JVM warns that it cannot use them, or a start fails.
     */
    /** Seconds a pre-touch in 2 MB pages adds to a JVM start with {@code heapFlags}, measured once per JVM; NaN when not possible. */
    public static double hugePreTouchSeconds(List<String> heapFlags) {
        if (!hugePreTouchAsked) {
            hugePreTouch = hugePagesOnRequest() ? measureHugePreTouch(heapFlags) : Double.NaN;
            hugePreTouchAsked = true;
        }
        return hugePreTouch;
    }

    private static double measureHugePreTouch(List<String> heapFlags) {
        List<String> plain = new ArrayList<>(heapFlags);
        plain.add("-version");
        List<String> touched = new ArrayList<>(heapFlags);
        touched.add("-XX:+AlwaysPreTouch");
        touched.add(HUGE_PAGES);
        touched.add("-version");
        double base = Math.min(start(plain), start(plain));
        double with = Math.min(start(touched), start(touched));
        return Double.isFinite(base) && Double.isFinite(with) ? Math.max(0, with - base) : Double.NaN;
    }

    /* Seconds one `java <flags>` took to run, NaN if it failed or printed a warning (a flag it cannot honour). */
    private static double start(List<String> flags) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Double.NaN;
            }
            double s = (System.nanoTime() - t0) / 1e9;
            return p.exitValue() == 0 && !out.contains("warning") ? s : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }
}
