package dev.selftune.meta;

import dev.selftune.generate.Policy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Test helpers: utilities, requests and a scorer that answers from a function of (policy, label). */
final class Fakes {
    static final List<MetaTarget> TRAIN = List.of(new MetaTarget("a.Train#one"), new MetaTarget("a.Train#two"));
    static final List<MetaTarget> HOLDOUT = List.of(new MetaTarget("a.Held#out"));

    private Fakes() { }

    /** A utility of one target with this speedup interval and measurement count. */
    static Utility u(double speedup, double low, double high, long measurements) {
        return Utility.of(List.of(new TargetScore("t", speedup, low, high, measurements, 2, measurements - 2, "swap")));
    }

    static SelfImproveRequest request(int generations, int candidates, Path out) {
        return new SelfImproveRequest(TRAIN, HOLDOUT, generations, Duration.ofMinutes(20), candidates, 7, out,
                List.of(out), "java", out.resolve("cache"));
    }

    /** Records every scoring's label; answers {@code f(policy, label)}. */
    static final class Scoring implements Scorer {
        final List<String> labels = new ArrayList<>();
        final List<Policy> policies = new ArrayList<>();
        private final BiFunction<Policy, String, Utility> f;

        Scoring(BiFunction<Policy, String, Utility> f) {
            this.f = f;
        }

        @Override
        public Utility score(Policy policy, List<MetaTarget> targets, String label) {
            labels.add(label);
            policies.add(policy);
            return f.apply(policy, label);
        }
    }
}
