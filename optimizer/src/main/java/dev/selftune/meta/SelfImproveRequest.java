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
 * With {@code --tune-self}, {@code tuneSelfMethods} (1..5; 0 when off) of selftune's own hot methods are
 * tuned after each generation at {@code tuneSelfBudget} each, carved from the generation's budget.
 */
public record SelfImproveRequest(List<MetaTarget> train, List<MetaTarget> holdout, int generations,
                                 Duration budget, int candidates, long seed, Path out,
                                 List<Path> classpath, String javaBinary, Path cacheDir,
                                 int tuneSelfMethods, Duration tuneSelfBudget) {
    /** tune refuses budgets below this (a baseline fork and six confirmation pairs at ~2 s a fork, plus set-up). */
    public static final Duration MIN_PER_TARGET = Duration.ofSeconds(30);
    /** Most own methods self-tuning takes on after one generation. */
    public static final int MAX_TUNE_SELF_METHODS = 5;

    /** A run without self-tuning. */
    public SelfImproveRequest(List<MetaTarget> train, List<MetaTarget> holdout, int generations, Duration budget,
                              int candidates, long seed, Path out, List<Path> classpath, String javaBinary, Path cacheDir) {
        this(train, holdout, generations, budget, candidates, seed, out, classpath, javaBinary, cacheDir, 0, Duration.ZERO);
    }

    public SelfImproveRequest {
        Objects.requireNonNull(tuneSelfBudget, "tuneSelfBudget");
        if (tuneSelfMethods < 0 || tuneSelfMethods > MAX_TUNE_SELF_METHODS) {
            throw new TuneException("--tune-self-methods", "--tune-self-methods " + tuneSelfMethods + " must be 1.."
                    + MAX_TUNE_SELF_METHODS + ": each is a tuning of its own after every generation");
        }
        if (tuneSelfMethods > 0 && tuneSelfBudget.compareTo(MIN_PER_TARGET) < 0) {
            throw new TuneException("--tune-self-budget", "--tune-self-budget " + tuneSelfBudget.toSeconds() + "s is below tune's "
                    + MIN_PER_TARGET.toSeconds() + "s minimum for one tuning; give --tune-self-budget 30s or more");
        }
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
        Duration selfTune = tuneSelfBudget.multipliedBy(tuneSelfMethods);
        if (tuneSelfMethods > 0 && budget.minus(selfTune).dividedBy(scorings).compareTo(MIN_PER_TARGET) < 0) {
            long need = MIN_PER_TARGET.toSeconds() * scorings + selfTune.toSeconds();
            throw new TuneException("--budget", String.format("--budget %ds per generation leaves each tuning %.1fs once"
                    + " --tune-self takes %ds (%d methods × %ds), below tune's %ds minimum for the %d tunings of a"
                    + " generation; give --budget %ds or more, fewer --tune-self-methods or a smaller --tune-self-budget",
                    budget.toSeconds(), Math.max(0, budget.minus(selfTune).toMillis()) / 1000.0 / scorings, selfTune.toSeconds(),
                    tuneSelfMethods, tuneSelfBudget.toSeconds(), MIN_PER_TARGET.toSeconds(), scorings, need));
        }
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

    /** The fixed, equal budget of every tuning in the run: the generation's budget less self-tuning's share, split equally. */
    public Duration perTarget() {
        return budget.minus(selfTuneBudget()).dividedBy(scoringsPerGeneration());
    }

    /** True when {@code --tune-self} is on. */
    public boolean tuneSelf() {
        return tuneSelfMethods > 0;
    }

    /** What self-tuning may spend after one generation: methods × the budget of each (zero when off). */
    public Duration selfTuneBudget() {
        return tuneSelfBudget.multipliedBy(tuneSelfMethods);
    }
}
