package dev.selftune.api;

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
        throw new UnsupportedOperationException("pipeline not wired yet");
    }
}
