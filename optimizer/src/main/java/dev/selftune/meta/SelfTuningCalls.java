package dev.selftune.meta;

import java.util.List;
import java.util.function.Consumer;

/** Calls into {@link SelfTuning} so that nothing it throws reaches the meta loop: failures become rows and progress lines. */
final class SelfTuningCalls {
    /*
     * Self-tuning is help the run can do without (issue 7 §4: failures inside self-tuning are logged
     * and recorded, never fatal). Errors too (a LinkageError from a half-swapped class, an
     * OutOfMemoryError in a capture) are caught: the loop's own state is untouched by them, and a run
     * that spent an hour of JMH forks must still write its report. An interrupt stays set on the thread.
     */
    static final String ERROR_METHOD = "(self-tuning)";

    private SelfTuningCalls() { }

    static void starts(SelfTuning t, int g, Consumer<String> progress) {
        try {
            t.generationStarts(g);
        } catch (Throwable e) {
            keepInterrupt(e);
            progress.accept("self-tuning: generation " + g + " start failed (" + e + "); the run goes on");
        }
    }

    static List<SelfTuneRow> ends(SelfTuning t, int g, int later, Consumer<String> progress) {
        try {
            List<SelfTuneRow> rows = t.generationEnds(g, later);
            rows = rows == null ? List.of() : List.copyOf(rows);
            for (SelfTuneRow r : rows) {
                progress.accept("self-tuning after generation " + g + ": " + r.method() + " (" + r.samples() + " samples) "
                        + r.decision() + (r.swapped() ? ", swapped in" : "") + ": " + r.reason());
            }
            return rows;
        } catch (Throwable e) {
            keepInterrupt(e);
            progress.accept("self-tuning after generation " + g + " failed (" + e + "); the run goes on");
            return List.of(SelfTuneRow.notTuned(ERROR_METHOD, 0, "error", "self-tuning failed after generation " + g
                    + ": " + e + "; the generations run on the code they had"));
        }
    }

    static String note(SelfTuning t, Consumer<String> progress) {
        try {
            return t.note();
        } catch (Throwable e) {
            keepInterrupt(e);
            progress.accept("self-tuning: no note (" + e + ")");
            return "self-tuning could not report its state: " + e;
        }
    }

    private static void keepInterrupt(Throwable e) {
        if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
            Thread.currentThread().interrupt();
        }
    }
}
