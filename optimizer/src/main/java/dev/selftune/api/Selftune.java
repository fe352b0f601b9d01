package dev.selftune.api;

import dev.selftune.report.OutputWriter;
import dev.selftune.search.Tuner;

/**
 * The facade: tune one method end to end (generate, verify, measure with JMH, confirm, decide)
 * and, when the request names an output directory, write the report and the winner class there.
 */
public final class Selftune {
    private Selftune() { }

    /**
     * Runs the whole pipeline. Throws {@link TuneException} for bad input or an ineligible target,
     * before anything is written.
     */
    public static TuneResult tune(TuneRequest request) {
        TuneResult result = Tuner.run(request);
        if (request.out() != null) {
            OutputWriter.write(result, request.out());
        }
        return result;
    }
}
