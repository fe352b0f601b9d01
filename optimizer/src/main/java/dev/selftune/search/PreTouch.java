package dev.selftune.search;

import dev.selftune.measure.FirstTouch;
import dev.selftune.measure.ForkPlan;
import java.util.List;

/**
 * Whether the forks of one tuning run touch their heap before they start (-XX:+AlwaysPreTouch): when
 * the original allocates fast enough that first touches of the fork's growing eden would be a sizeable
 * part of what a fork measures, on a machine where a first touch is dear.
 */
final class PreTouch {
    /** The flag it adds (with {@link FirstTouch#HUGE_PAGES} when the heap is touched in 2 MB pages). */
    static final String FLAG = "-XX:+AlwaysPreTouch";

    /**
     * How a fork's heap is pre-touched and what that adds to each fork's start: page by page in 4 KB pages
     * (the JVM's default), or in the kernel's 2 MB pages where it gives them on request ({@link #cheapest}).
     */
    record Way(List<String> flags, double startSeconds) {
        /** The heap in 4 KB pages at {@code secondsPerPage} each. */
        static Way smallPages(double secondsPerPage) {
            return new Way(List.of(FLAG), HEAP_BYTES / FirstTouch.PAGE * secondsPerPage);
        }

        /** The heap in 2 MB pages, at a measured start cost. */
        static Way hugePages(double startSeconds) {
            return new Way(List.of(FLAG, FirstTouch.HUGE_PAGES), startSeconds);
        }

        boolean huge() {
            return flags.contains(FirstTouch.HUGE_PAGES);
        }
    }

    /*
     * 2 MB pages when the kernel gives them and the measured start is cheaper: commons-math's convolve allocates
     * about 350 MB/s; unpre-touched, its forks ran 1.8x slower for their first 3 s (eden growing onto fresh 4 KB
     * pages at 6.5-15 us a fault) and then steady, so each fork measured a different mix, and a variant
     * confirmed 1.20-1.32x that a steady re-measurement put at 1.01x. Pre-touching in 4 KB pages would have
     * cost 4 s a fork start (unaffordable at 90 s); in 2 MB pages 0.1-0.2 s. The huge pages also change
     * what TLB misses cost (fewer), for both sides alike; report.json's forkJvmArgs says when they were used.
     */
    /** The cheaper way to pre-touch: 2 MB pages when {@code hugeStartSeconds} was measured and is cheaper, else 4 KB. */
    static Way cheapest(double secondsPerPage, double hugeStartSeconds) {
        Way small = Way.smallPages(secondsPerPage);
        return hugeStartSeconds >= 0 && !(small.startSeconds() <= hugeStartSeconds) ? Way.hugePages(hugeStartSeconds) : small;
    }
    /** Share of a fork's measured time that first touches may take before the forks pre-touch. */
    static final double MAX_SHARE = 0.10;
    /** Seconds a pre-touch may add to each fork's start (the fixed 1 GB heap, page by page). */
    static final double MAX_START_SECONDS = 4.0;
    private static final double HEAP_BYTES = 1L << 30;
    /** G1's young generation grows to at most 60% of the heap: what allocation can ever touch. */
    private static final double YOUNG_SHARE = 0.6;

    private PreTouch() { }

    /*
     * A fork iterates for the plan's warm-up and measurement time; an original allocating B bytes per
     * op at T ns per op touches up to min(B/T * that time, 60% of the heap) of fresh pages, each costing
     * the machine's first-touch time. Java's own heap pages are touched only once per JVM, so a
     * long-running JVM in production never pays this; a 1-2 s fork pays it throughout (Jama's
     * Matrix.times here: 3.8 ms per op, 3.0 with the heap pre-touched, and a jammed variant that
     * screened 1.5x confirmed at 1.06-1.10x without and 1.65x [1.64, 1.65] with). The price is the whole
     * heap touched at each fork's start (2 s here), so only when first touches would be over a tenth
     * of the measured time, and never when the pre-touch would add more than 4 s per fork.
     */
    /*
     * Allocations under 256 bytes a call are not counted: the verification sandbox boxes a primitive
     * result (16-24 bytes: a dot product looked like 160 MB/s), and C2's escape analysis removes small
     * temporaries that the interpreted call in verification still makes. What is left (result arrays,
     * copies, matrices) is what a fork's eden really receives.
     */
    static final double MIN_BYTES_PER_CALL = 256;

    /** Bytes per call that count, from verification's average: 0 under {@link #MIN_BYTES_PER_CALL} or unknown. */
    static double counted(double bytesPerCall) {
        return bytesPerCall >= MIN_BYTES_PER_CALL ? bytesPerCall : 0;
    }

    /** Why the forks should pre-touch, or null when they should not (the heap in 4 KB pages). */
    static String reason(double bytesPerOp, double nsPerOp, double secondsPerPage, ForkPlan plan) {
        return reason(bytesPerOp, nsPerOp, secondsPerPage, Way.smallPages(secondsPerPage), plan);
    }

    /** Why the forks should pre-touch the {@code way} given, or null when they should not. */
    static String reason(double bytesPerOp, double nsPerOp, double secondsPerPage, Way way, ForkPlan plan) {
        String share = share(bytesPerOp, nsPerOp, secondsPerPage, way, plan);
        String start = way.startSeconds() < 0.01 ? "under 0.01 s" : String.format(java.util.Locale.ROOT, "%.2f s", way.startSeconds());
        return share == null ? null : share + String.format(java.util.Locale.ROOT,
                ": every fork pre-touches its heap (%s, %s more per fork start%s)", String.join(" ", way.flags()),
                start, way.huge() ? ", in the 2 MB pages the kernel gives on request" : "");
    }

    /** Whether the forks pre-touch, and what forkFlagsNote says (null: nothing to say). */
    record Choice(boolean touch, String note) { }

    /**
     * {@link #reason} when the pre-touch also fits the budget ({@link #unaffordable}); when it would be warranted but
     * does not fit, no pre-touch and a note that says so.
     */
    static Choice choose(double bytesPerOp, double nsPerOp, double secondsPerPage, ForkPlan plan, double leftSeconds,
                         double elapsedSeconds, double forkSeconds) {
        return choose(bytesPerOp, nsPerOp, secondsPerPage, Way.smallPages(secondsPerPage), plan, leftSeconds, elapsedSeconds, forkSeconds);
    }

    /** {@link #choose} for a given way to pre-touch. */
    static Choice choose(double bytesPerOp, double nsPerOp, double secondsPerPage, Way way, ForkPlan plan, double leftSeconds,
                         double elapsedSeconds, double forkSeconds) {
        String why = reason(bytesPerOp, nsPerOp, secondsPerPage, way, plan);
        if (why == null) {
            return new Choice(false, null);
        }
        String unaffordable = unaffordable(leftSeconds, elapsedSeconds, forkSeconds, way.startSeconds());
        return unaffordable == null ? new Choice(true, why)
                : new Choice(false, share(bytesPerOp, nsPerOp, secondsPerPage, way, plan) + unaffordable);
    }

    /* "the original allocates ... of each fork's measured time" when first touches pass the share and the pre-touch is cheap enough; else null. */
    private static String share(double bytesPerOp, double nsPerOp, double secondsPerPage, Way way, ForkPlan plan) {
        if (!(bytesPerOp > 0) || !(nsPerOp > 0) || !(secondsPerPage > 0)) {
            return null;
        }
        double iterating = plan.iteratingTimePerFork().toNanos() / 1e9;
        double touched = Math.min(bytesPerOp / nsPerOp * 1e9 * iterating, HEAP_BYTES * YOUNG_SHARE);
        double share = touched / FirstTouch.PAGE * secondsPerPage / iterating;
        if (share < MAX_SHARE || !(way.startSeconds() <= MAX_START_SECONDS)) {
            return null;
        }
        return String.format("the original allocates %.0f MB/s and a first touch of a page costs %.1f us here, so first touches "
                + "would be about %.0f%% of each fork's measured time", bytesPerOp / nsPerOp * 1e3, secondsPerPage * 1e6, share * 100);
    }

    /*
     * The fewest forks a decision takes: a baseline, two screened variants and the confirmation's six pairs. Pre-touching
     * makes each of them dearer; when that many no longer fit the time left, the run would end undecided (a transpose
     * at 50 s screened one variant and stopped), so it is measured without, and the note says what budget would do it.
     */
    static final int FORKS_FOR_A_DECISION = 15;

    /**
     * Null when {@link #FORKS_FOR_A_DECISION} pre-touched forks fit {@code leftSeconds}; otherwise the clause that says
     * why the forks do not pre-touch and what budget would let them. {@code forkSeconds} is one plain fork's cost
     * as measured; NaN when unknown (the asking fork came from the measurement cache), and then the budget's
     * cautious first guess ({@link Budget#INITIAL_FORK_SECONDS}) stands in. Taking unknown as affordable let a
     * cached asking fork switch a 50 s run to pre-touched forks of 4.7 s each, and the run then ended undecided
     * for want of confirmation pairs.
     */
    static String unaffordable(double leftSeconds, double elapsedSeconds, double forkSeconds, double startSeconds) {
        double plain = forkSeconds > 0 ? forkSeconds : Budget.INITIAL_FORK_SECONDS;
        double each = plain + startSeconds;
        if (FORKS_FOR_A_DECISION * each <= leftSeconds) {
            return null;
        }
        long advised = (long) Math.ceil((elapsedSeconds + FORKS_FOR_A_DECISION * each) / 10.0) * 10;
        return String.format(java.util.Locale.ROOT, ", but %d pre-touched forks of about %.1f s each do not fit the %.0f s left:"
                + " the forks run without pre-touching (first touches included in every score); give --budget %ds or more"
                + " to measure with the heap pre-touched", FORKS_FOR_A_DECISION, each, leftSeconds, advised);
    }

    /** False when the caller already chose: pre-touch, or a heap of their own, or another collector. */
    static boolean open(List<String> forkJvmArgs) {
        return forkJvmArgs.stream().noneMatch(a -> a.contains("AlwaysPreTouch") || a.startsWith("-Xms") || a.startsWith("-Xmx")
                || a.startsWith("-Xmn") || a.contains("HeapSize") || a.contains("NewSize") || a.startsWith("-XX:+Use") && a.endsWith("GC"));
    }
}
