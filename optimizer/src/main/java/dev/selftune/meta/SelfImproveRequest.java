package dev.selftune.meta;

import dev.selftune.api.TuneException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A {@code self-improve} run: training and held-out targets, how many generations, the budget of one
 * generation, candidates per generation, the seed of the mutator and inputs, where to write, and the
 * evaluator's class path, JVM and cache. {@link #perTarget()} is the fixed budget each tuning gets.
 */
public record SelfImproveRequest(List<MetaTarget> train, List<MetaTarget> holdout, int generations,
                                 Duration budget, int candidates, long seed, Path out,
                                 List<Path> classpath, String javaBinary, Path cacheDir) {
    /** tune refuses budgets below this (a baseline fork and six confirmation pairs at ~2 s a fork, plus set-up). */
    public static final Duration MIN_PER_TARGET = Duration.ofSeconds(30);

    public SelfImproveRequest {
        train = List.copyOf(train);
        holdout = List.copyOf(holdout);
        classpath = List.copyOf(classpath);
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(budget, "budget");
        if (train.isEmpty() || holdout.isEmpty()) {
            throw new TuneException(train.isEmpty() ? "--train" : "--holdout", "self-improve needs at least one training"
                    + " and one held-out target");
        }
        for (MetaTarget t : holdout) {
            if (train.stream().anyMatch(x -> x.method().equals(t.method()))) {
                throw new TuneException("--holdout", "--holdout " + t.method() + " is also a training target: held-out"
                        + " targets must never be trained on; remove it from one file");
            }
        }
        if (generations < 1) {
            throw new TuneException("--generations", "--generations " + generations + " must be at least 1");
        }
        if (candidates < 1) {
            throw new TuneException("--candidates", "--candidates " + candidates + " must be at least 1");
        }
        int scorings = scorings(candidates, train.size(), holdout.size());
        if (budget.dividedBy(scorings).compareTo(MIN_PER_TARGET) < 0) {
            long need = MIN_PER_TARGET.toSeconds() * scorings;
            throw new TuneException("--budget", String.format("--budget %ds per generation gives each tuning %.1fs, below"
                    + " tune's %ds minimum: a generation tunes %d times (%d candidates × %d training targets, a re-run"
                    + " of the best, %d held-out); give --budget %ds or more, or fewer --candidates or targets",
                    budget.toSeconds(), budget.toMillis() / 1000.0 / scorings, MIN_PER_TARGET.toSeconds(),
                    scorings, candidates, train.size(), holdout.size(), need));
        }
    }

    /** Tunings in one generation: every candidate on the training targets, the best one's re-run, the held-out scoring. */
    public int scoringsPerGeneration() {
        return scorings(candidates, train.size(), holdout.size());
    }

    private static int scorings(int candidates, int train, int holdout) {
        return candidates * train + train + holdout;
    }

    /** The fixed, equal budget of every tuning in the run. */
    public Duration perTarget() {
        return budget.dividedBy(scoringsPerGeneration());
    }
}
