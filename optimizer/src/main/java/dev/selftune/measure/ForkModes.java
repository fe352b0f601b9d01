package dev.selftune.measure;

import dev.selftune.api.Decision;
import dev.selftune.api.Measurement;
import dev.selftune.api.TuneResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whether a measurement's fork scores fall into two groups far apart: code that runs at one of two
 * speeds per JVM (JIT decisions that differ from fork to fork, such as hppc's {@code pop_array} or the
 * EJML product on this machine). A confidence interval over such forks is wide because of which speed
 * each fork landed on, not because the forks were noisy; the report says so, so that a reader can tell
 * the two apart. Descriptive only: the decision rules never read it.
 *
 * <p>Rule: sort the scores and split at the largest ratio between neighbours, with at least
 * {@link #MIN_FORKS} forks on each side; the groups are two speeds when that ratio is at least
 * {@link #MIN_GAP} and larger than the spread inside either group (its slowest over its fastest).
 * A single slow fork is an outlier, not a second speed.
 */
public record ForkModes(double fastScore, int fastForks, double slowScore, int slowForks) {
    /** The smallest ratio between the groups (slow group's fastest fork over fast group's slowest). */
    public static final double MIN_GAP = 1.15;
    /** Forks needed on each side. */
    public static final int MIN_FORKS = 2;

    /** The two speeds, or null when the scores are one group (or too few to tell). Scores are times per op. */
    public static ForkModes of(double[] forkScores) {
        if (forkScores == null || forkScores.length < 2 * MIN_FORKS) {
            return null;
        }
        double[] s = forkScores.clone();
        Arrays.sort(s);
        if (!(s[0] > 0)) {
            return null;
        }
        int split = -1;
        double gap = 0;
        for (int i = MIN_FORKS - 1; i + MIN_FORKS < s.length; i++) {
            double g = s[i + 1] / s[i];
            if (g > gap) {
                gap = g;
                split = i;
            }
        }
        if (split < 0 || gap < MIN_GAP) {
            return null;
        }
        double fastSpread = s[split] / s[0];
        double slowSpread = s[s.length - 1] / s[split + 1];
        if (fastSpread >= gap || slowSpread >= gap) {
            return null;
        }
        return new ForkModes(mean(s, 0, split + 1), split + 1, mean(s, split + 1, s.length), s.length - split - 1);
    }

    /**
     * "{@code who} ran at two speeds across its 6 forks: 1.03 ms/op in 2, 1.42 ms/op in 4; …" in the
     * measurement's readable unit, or null when its forks are one group.
     */
    public static String note(String who, Measurement m) {
        if (m == null) {
            return null;
        }
        Measurement r = TimeUnits.readable(m);
        ForkModes f = of(r.forkScores());
        return f == null ? null : who + " " + f.describe(r.unit())
                + "; the interval is wide because of which speed each fork landed on, not because forks were noisy";
    }

    /** For a run with a confirmation: a note per side (the original, the confirmed variant) whose forks ran at two speeds. */
    public static List<String> notes(TuneResult r) {
        List<String> out = new ArrayList<>();
        if (r.confirmed() == null) {
            return out;
        }
        boolean swap = r.decision() instanceof Decision.Swap;
        Measurement original = swap ? ((Decision.Swap) r.decision()).baseline() : r.baseline();
        Measurement variant = swap ? ((Decision.Swap) r.decision()).winner()
                : r.confirmedResult() == null ? null : r.confirmedResult().measurement();
        for (String n : new String[] {note("the original", original), note("the confirmed variant", variant)}) {
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    private static double mean(double[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += s[i];
        }
        return sum / (to - from);
    }

    /** "ran at two speeds across its 6 forks: 1.03 ms/op in 2, 1.42 ms/op in 4", scores in {@code unit}. */
    public String describe(String unit) {
        return String.format(Locale.ROOT, "ran at two speeds across its %d forks: %s in %d, %s in %d",
                fastForks + slowForks, score(fastScore, unit), fastForks, score(slowScore, unit), slowForks);
    }

    private static String score(double v, String unit) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.3g %s", v, unit);
    }
}
