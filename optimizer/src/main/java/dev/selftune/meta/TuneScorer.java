package dev.selftune.meta;

import dev.selftune.api.Decision;
import dev.selftune.api.TuneRequest;
import dev.selftune.api.TuneResult;
import dev.selftune.api.VariantResult;
import dev.selftune.generate.Policy;
import dev.selftune.rank.Ranking;
import dev.selftune.search.PolicyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The real scorer: saves the policy to a file, tunes each target through {@code tune} (the same
 * pipeline and decision a user gets) with the evaluator's fixed settings and the measurement cache
 * on, and turns each result into a {@link TargetScore}.
 */
public final class TuneScorer implements Scorer {
    private final Evaluator evaluator;
    private final Function<TuneRequest, TuneResult> tuner;
    private final Path workDir;
    private final Consumer<String> progress;

    public TuneScorer(Evaluator evaluator, Function<TuneRequest, TuneResult> tuner, Path workDir, Consumer<String> progress) {
        this.evaluator = evaluator;
        this.tuner = tuner;
        this.workDir = workDir;
        this.progress = progress;
    }

    @Override
    public Utility score(Policy policy, List<MetaTarget> targets, String label) {
        return score(evaluator, policy, targets, label);
    }

    /*
     * The cache directory holds the ranking model, which learns from every tuning, held-out ones
     * included, and in the user's cache it outlives runs. Scored with it, a held-out method would be
     * ranked by a model that had measured that very method: the re-tuning case, not a new method.
     * So held-out scoring runs over <cache>/held-out-view, whose models are the cache's with every
     * example of these methods removed, re-made before each scoring, so what held-out tunings learn
     * there is dropped the next time and never reaches the training side's model.
     */
    @Override
    public Utility scoreHeldOut(Policy policy, List<MetaTarget> targets, String label) {
        if (evaluator.cacheDir() == null) {
            return score(policy, targets, label);
        }
        Path view = evaluator.cacheDir().resolve("held-out-view");
        try {
            int left = Ranking.viewWithout(evaluator.cacheDir(), view, targets.stream().map(MetaTarget::method).toList());
            progress.accept(label + ": ranking model without the held-out methods (" + left + " of their examples left out)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the held-out view of the ranking model under " + view, e);
        }
        return score(evaluator.withCacheDir(view), policy, targets, label);
    }

    private Utility score(Evaluator evaluator, Policy policy, List<MetaTarget> targets, String label) {
        Path file = workDir.resolve(label + "-policy.json");
        try {
            Files.createDirectories(workDir);
            PolicyFile.save(policy, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the candidate policy " + file, e);
        }
        List<TargetScore> scores = new ArrayList<>();
        for (MetaTarget t : targets) {
            progress.accept(label + ": tuning " + t.method());
            TuneResult r = tuner.apply(evaluator.request(t, file));
            TargetScore s = score(t.method(), r, policy.screenForks());
            progress.accept(label + ": " + t.method() + " " + s.decision() + String.format(" %.3fx", s.speedup())
                    + " in " + s.measurements() + " measurements" + (s.reason() == null ? "" : ": " + shortened(s.reason())));
            scores.add(s);
        }
        return Utility.of(scores);
    }

    /* A progress line shows a keep's reason up to this many characters; report.json has the whole. */
    static final int REASON_CHARS = 240;

    static String shortened(String reason) {
        return reason.length() <= REASON_CHARS ? reason : reason.substring(0, REASON_CHARS - 3) + "...";
    }

    /**
     * JMH forks a policy needed: every screening measurement (a cache hit counts, since the policy
     * asked for it; otherwise re-scoring would look cheaper than scoring) times the policy's
     * {@code screenForks} (each measurement is that many forks), plus both sides of every
     * confirmation pair. A swap scores its confirmed interval; a keep scores 1.0.
     */
    static TargetScore score(String target, TuneResult r, int screenForks) {
        long hits = r.cache() == null ? 0 : r.cache().hits();
        long misses = r.cache() == null ? 0 : r.cache().misses();
        long screening = r.cache() == null ? r.measured() + 1 : r.cache().hits() + r.cache().misses();
        VariantResult confirmed = r.confirmedResult();
        long pairs = confirmed == null || confirmed.measurement() == null ? 0 : confirmed.measurement().forks();
        long measurements = screening * screenForks + 2 * pairs;
        if (r.decision() instanceof Decision.Swap s) {
            int at = 0;
            int screened = 0;
            double winnerFirst = Double.NaN;
            VariantResult winner = null;
            List<Double> firsts = new ArrayList<>();
            List<Integer> generated = new ArrayList<>();
            for (VariantResult v : r.variants()) {
                if (v.measurement() != null && !v.variant().isOriginal()) {
                    screened++;
                    generated.add(generationIndex(v.variant().id(), screened));
                    double first = firstRound(v.measurement().forkScores(), screenForks);
                    firsts.add(first);
                    if (v.variant().id().equals(s.variant().id())) {
                        at = screened;
                        winnerFirst = first;
                        winner = v;
                    }
                }
            }
            int firstRank = 0;
            if (at > 0 && !Double.isNaN(winnerFirst)) {
                /* ahead only beyond the winner's own fork-to-fork spread: a tie the later rounds broke is no evidence for them */
                double cut = winnerFirst * (1 - tieTolerance(winner.measurement().forkScores()));
                firstRank = 1 + (int) firsts.stream().filter(f -> f < cut).count();
            }
            int generatedAt = 0;
            if (at > 0) {
                int mine = generated.get(at - 1);
                generatedAt = 1 + (int) generated.stream().filter(g -> g < mine).count();
            }
            return new TargetScore(target, s.speedup().ratio(), s.speedup().low(), s.speedup().high(),
                    measurements, hits, misses, "swap", at, screened, firstRank, generatedAt);
        }
        return TargetScore.keep(target, measurements, hits, misses, r.decision() instanceof Decision.Keep k ? k.reason() : null);
    }

    private static final java.util.regex.Pattern GENERATED_ID = java.util.regex.Pattern.compile("v(\\d{1,9})(-by-size)?");

    /*
     * Where the generator proposed a variant: its id is v<k> for the k-th variant made (a size dispatcher,
     * v<k>-by-size, comes right after its leader); an id of another shape keeps its screening place.
     */
    static int generationIndex(String id, int screenedPlace) {
        java.util.regex.Matcher m = GENERATED_ID.matcher(id);
        if (!m.matches()) {
            return 2 * screenedPlace;   // no generation index: the order screened
        }
        return 2 * Integer.parseInt(m.group(1)) + (m.group(2) != null ? 1 : 0);
    }

    /** The smallest relative lead that is not a tie: 2%, or the winner's own screening spread (range over mean) when larger. */
    static final double MIN_TIE = 0.02;

    static double tieTolerance(double[] forkScores) {
        if (forkScores.length < 2) {
            return MIN_TIE;
        }
        double lo = Double.MAX_VALUE;
        double hi = 0;
        double sum = 0;
        for (double f : forkScores) {
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
            sum += f;
        }
        return Math.min(0.5, Math.max(MIN_TIE, (hi - lo) / (sum / forkScores.length)));
    }

    /* A variant's first screening round: the mean of its first screenForks fork scores (NaN when it has none). */
    private static double firstRound(double[] forkScores, int screenForks) {
        int n = Math.min(forkScores.length, Math.max(1, screenForks));
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += forkScores[i];
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
