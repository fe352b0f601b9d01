package dev.selftune.generate;

import java.util.List;
import java.util.Map;

/**
 * Every knob that shapes the search, and nothing else the generator reads: which transforms in
 * which order, their parameter ranges, how deep they compose, how many variants per round and the
 * racing cut-offs. Saved to and loaded from a file so the meta loop can tune the tuner.
 * The evaluator's thresholds (confidence, minimum speedup, input counts) are deliberately not here.
 */
public record Policy(
        List<String> transforms,
        Map<String, List<Integer>> ranges,
        int maxDepth,
        int maxVariants,
        int screenForks,
        double keepFraction,
        int confirmPairs) {

    public Policy {
        transforms = List.copyOf(transforms);
        ranges = Map.copyOf(ranges);
        if (maxDepth < 1 || maxVariants < 1 || screenForks < 1 || confirmPairs < 2) {
            throw new IllegalArgumentException("policy needs maxDepth, maxVariants, screenForks >= 1 and confirmPairs >= 2");
        }
        if (!(keepFraction > 0 && keepFraction < 1)) {
            throw new IllegalArgumentException("keepFraction must be in (0, 1), got " + keepFraction);
        }
    }

    /** A range by key such as {@code unroll.factor}, or {@code fallback} when the policy has none. */
    public List<Integer> range(String key, List<Integer> fallback) {
        return ranges.getOrDefault(key, fallback);
    }

    public static Policy defaults() {
        return new Policy(
                List.of("interchange", "hoist", "split-accumulators", "unroll", "tune-constant"),
                Map.of("unroll.factor", List.of(4, 8, 2),
                        "split-accumulators.k", List.of(4, 8, 2),
                        "tune-constant.scale", List.of(200, 50, 400, 25, 800)),
                3, 24, 1, 0.5, 6);
    }
}
