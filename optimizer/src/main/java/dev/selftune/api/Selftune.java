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
     * Writes {@code report.json}, {@code report.html} and, on swap, {@code winner/<internal name>.class}
     * into {@code out}, all or nothing; returns the paths written.
     */
    public static List<Path> write(TuneResult result, Path out, double minSpeedup) {
        return OutputWriter.write(result, out, minSpeedup);
    }
}
