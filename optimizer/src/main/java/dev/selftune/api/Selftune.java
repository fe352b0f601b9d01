package dev.selftune.api;

import dev.selftune.report.OutputWriter;
import dev.selftune.search.Tuner;
import java.nio.file.Path;
import java.util.List;

/**
 * The facade: tune one method end to end (generate, verify, measure with JMH, confirm, decide),
 * then write the report and the winner class where the caller wants them.
 */
public final class Selftune {
    private Selftune() { }

    /**
     * Runs the whole pipeline and returns its result; writes nothing. Throws {@link TuneException}
     * for bad input or an ineligible target.
     */
    public static TuneResult tune(TuneRequest request) {
        return Tuner.run(request);
    }

    /**
     * Runs the decision {@code tune} would make on {@code comparisons} A/A pairs (the target against a
     * byte-identical copy) and counts how many were wrongly decided swap. Each comparison may grow by
     * sequential looks up to {@code maxPairs} fork pairs, as tune's confirmation does when its budget allows.
     */
    public static AaSummary aaCheck(TuneRequest request, int comparisons, int maxPairs, java.util.function.Consumer<String> progress) {
        return dev.selftune.search.AaRun.run(request, comparisons, maxPairs, progress);
    }

    /**
     * Runs the meta loop ({@code self-improve}): tunes selftune's own search policy on the request's
     * training targets, every tuning through {@link #tune} with the judge unchanged, and checks each
     * adopted generation on the held-out targets. Writes nothing; see {@link #writeSelfImprove}.
     */
    public static dev.selftune.meta.MetaRun selfImprove(dev.selftune.meta.SelfImproveRequest request,
                                                        java.util.function.Consumer<String> progress) {
        return selfImprove(request, progress, Selftune::tune);
    }

    /** As {@link #selfImprove(dev.selftune.meta.SelfImproveRequest, java.util.function.Consumer)}, with the tuning replaceable for tests. */
    public static dev.selftune.meta.MetaRun selfImprove(dev.selftune.meta.SelfImproveRequest request,
                                                        java.util.function.Consumer<String> progress,
                                                        java.util.function.Function<TuneRequest, TuneResult> tuner) {
        return selfImprove(request, progress, tuner, null);
    }

    /**
     * As above, with {@code selfTuning} (null when off) sampling and tuning selftune's own hot methods
     * between generations ({@code --tune-self}); its failures are recorded, never fatal.
     */
    public static dev.selftune.meta.MetaRun selfImprove(dev.selftune.meta.SelfImproveRequest request,
                                                        java.util.function.Consumer<String> progress,
                                                        java.util.function.Function<TuneRequest, TuneResult> tuner,
                                                        dev.selftune.meta.SelfTuning selfTuning) {
        dev.selftune.meta.Evaluator evaluator = new dev.selftune.meta.Evaluator(request.classpath(), request.javaBinary(),
                request.seed(), request.perTarget(), request.cacheDir());
        dev.selftune.meta.Scorer scorer = new dev.selftune.meta.TuneScorer(evaluator, tuner,
                request.out().resolve("work"), progress);
        return new dev.selftune.meta.SelfImprove(request, scorer, progress, selfTuning).run();
    }

    /** Writes {@code report.json}, {@code report.html} and {@code policy-<g>.json} per adopted generation into {@code out}. */
    public static List<Path> writeSelfImprove(dev.selftune.meta.MetaRun run, Path out) {
        return dev.selftune.meta.MetaReport.write(run, out);
    }

    /**
     * Writes {@code report.json}, {@code report.html} and, on swap, {@code winner/<internal name>.class}
     * into {@code out}, all or nothing; returns the paths written.
     */
    public static List<Path> write(TuneResult result, Path out, double minSpeedup) {
        return OutputWriter.write(result, out, minSpeedup);
    }
}
