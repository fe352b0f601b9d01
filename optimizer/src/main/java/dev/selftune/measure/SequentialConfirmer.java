package dev.selftune.measure;

import dev.selftune.api.Decision;
import dev.selftune.api.Speedup;
import dev.selftune.api.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;

/**
 * Confirms a candidate in looks: measure the first pairs, decide at that look's level, and while the
 * interval still straddles the minimum effect and the budget affords them, add pairs and look again.
 * Every look uses {@link Decider}'s rules at the level {@link SequentialTest} allows it.
 */
public final class SequentialConfirmer {
    /** One look: how many pairs, at which confidence, the speedup on the decision's basis, and what followed. */
    public record Look(int look, int pairs, double confidence, Speedup speedup, String outcome) { }

    /** The final confirmation, its decision, the speedup on the decision's basis, and every look taken. */
    public record Outcome(Confirmation confirmation, Decision decision, Speedup speedup, boolean cpuBasis, List<Look> looks) {
        public Outcome {
            looks = List.copyOf(looks);
        }

        public int pairs() {
            return confirmation.pairs();
        }

        /** The confidence of the last look, the level the final interval is stated at. */
        public double confidence() {
            return looks.get(looks.size() - 1).confidence();
        }
    }

    /** A look is worth its share of the false-swap rate only with at least this many new pairs. */
    static final int MIN_STEP = 4;
    /** From this look on, a point speedup below {@link Decider#lowFloor} ends the confirmation (futility). */
    static final int FLOOR_FUTILITY_FROM_LOOK = 2;

    private SequentialConfirmer() { }

    /* Why futility needs no alpha: stopping when even the interval's upper end is below the minimum
     * effect, or when the variant has measured slower so far (point speedup below 1.0), can only turn
     * a later swap into a keep, so it never raises the false-swap rate; it only saves forks for a
     * variant that is unlikely to win. A look that is undecided and has no budget for at least
     * MIN_STEP more pairs (or the next look's sign-test floor) ends as keep, saying what was
     * affordable: a look on one or two new pairs spends its share of the rate and learns little
     * (seen: prefix-sum looked at 6, 8 and 9 pairs at the end of a 35 s budget).
     * Why also stop, from the second look on, when the point speedup is below the low floor (1.025x for the
     * default 1.05x): a swap needs the point at the minimum effect and the interval's low end above that
     * floor, so a variant measured below the floor over ten or more pairs needs the pairs still to come to
     * average far above the minimum. Keep-originals measured at 1.01-1.03x ran to 23-29 pairs (46-58 forks)
     * in one run and stopped at 6 in the next (2026-12-03, checksum, transpose, histogram): most of a
     * tuning's forks, and most of the run-to-run spread in its cost, for a variant that does not pay. Not at
     * the first look: six pairs of this machine's spread (per-pair log sd ~0.045) leave a true 1.06x below
     * the floor about one time in thirty. Simulated (SequentialConfirmerTest, heavy-tailed forks at that
     * spread): a true 1.07x swaps 392 times in 400 with the rule and without it, none stopped by it; a 1.01x
     * goes past the second look 46 times in 400 instead of 147. Like the other futility stops it can only
     * turn a swap into a keep, so the false-swap rate cannot rise. */

    /**
     * Runs looks until a swap, futility, {@link SequentialTest#MAX_PAIRS} or the budget ends it.
     * {@code affordablePairs} is asked before every extension, with the pairs so far, how many more fit now.
     */
    public static Outcome confirm(PairSource source, Variant candidate, SequentialTest test, double minSpeedup,
                                  IntUnaryOperator affordablePairs, IntConsumer forkDone) {
        int[] forks = {0};
        IntConsumer counted = done -> forkDone.accept(forks[0] + done);
        Confirmation c = source.addPairs(test.firstPairs(), counted);
        forks[0] = 2 * c.pairs();
        List<Look> looks = new ArrayList<>();
        for (int look = 1; ; look++) {
            double conf = test.confidenceAt(look);
            Decision d = Decider.decide(candidate, c, minSpeedup, conf);
            boolean cpu = c.hasCpuShares();
            Speedup s = cpu ? c.cpuSpeedup(conf) : c.speedup(conf);
            if (d instanceof Decision.Swap) {
                looks.add(new Look(look, c.pairs(), conf, s, "swap"));
                return new Outcome(c, d, s, cpu, looks);
            }
            String why = ((Decision.Keep) d).reason();
            double floor = Decider.lowFloor(minSpeedup);
            String futile = null;
            String then = null;   // what the keep's reason adds: the floor stop is the one a reader would not guess
            if (s.high() < minSpeedup) {
                futile = "stop: cannot reach the minimum";
            } else if (s.ratio() < 1.0) {
                futile = "stop: measured slower so far";
            } else if (look >= FLOOR_FUTILITY_FROM_LOOK && s.ratio() < floor) {
                futile = String.format(Locale.ROOT, "stop: measured below %.3fx, half the minimum effect", floor);
                then = String.format(Locale.ROOT,
                        "stopped: still below %.3fx (half the minimum effect), too far under the minimum for more pairs to reach it", floor);
            }
            if (futile != null) {
                looks.add(new Look(look, c.pairs(), conf, s, futile));
                return new Outcome(c, keep(why, look, c.pairs(), then), s, cpu, looks);
            }
            int next = test.nextPairs(c.pairs(), look);
            if (next <= c.pairs()) {
                looks.add(new Look(look, c.pairs(), conf, s, "stop: " + SequentialTest.MAX_PAIRS + " pairs reached"));
                return new Outcome(c, keep(why, look, c.pairs(), "undecided at the most pairs a confirmation takes ("
                        + SequentialTest.MAX_PAIRS + ")"), s, cpu, looks);
            }
            int affordable = Math.max(0, affordablePairs.applyAsInt(c.pairs()));
            int add = Math.min(next - c.pairs(), affordable);
            if (add < Math.min(MIN_STEP, next - c.pairs()) || c.pairs() + add < test.minPairsAt(look + 1)) {
                looks.add(new Look(look, c.pairs(), conf, s, "stop: budget"));
                return new Outcome(c, keep(why, look, c.pairs(), String.format(Locale.ROOT,
                        "undecided, and the budget left room for %d more pair(s) where look %d needs %d in all; a larger --budget may decide it",
                        affordable, look + 1, Math.max(next, test.minPairsAt(look + 1)))), s, cpu, looks);
            }
            looks.add(new Look(look, c.pairs(), conf, s, "undecided: +" + add + " pairs"));
            c = source.addPairs(add, counted);
            forks[0] = 2 * c.pairs();
        }
    }

    private static Decision.Keep keep(String reason, int look, int pairs, String then) {
        String where = look == 1 ? "" : String.format(Locale.ROOT, " [look %d of a sequential test, %d pairs]", look, pairs);
        return new Decision.Keep(reason + where + (then == null ? "" : "; " + then));
    }
}
