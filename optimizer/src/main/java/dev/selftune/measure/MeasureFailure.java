package dev.selftune.measure;

import java.nio.file.Path;

/**
 * A JMH run that produced no usable score: a fork crashed, the benchmark threw, or a result was
 * missing or not finite. The caller rejects the variant; it never receives a score.
 */
public final class MeasureFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String label;
    private final String reason;
    private final String logTail;
    private final transient Path log;

    public MeasureFailure(String label, String reason, Path log, String logTail, Throwable cause) {
        super("measuring '" + label + "' failed: " + reason
                + (log == null ? "" : " (JMH log " + log + ")")
                + (logTail == null || logTail.isBlank() ? "" : "\n--- last lines of the JMH log ---\n" + logTail), cause);
        this.label = label;
        this.reason = reason;
        this.logTail = logTail == null ? "" : logTail;
        this.log = log;
    }

    /** The variant (or spec label) that failed to measure. */
    public String label() {
        return label;
    }

    /** One line: what went wrong. */
    public String reason() {
        return reason;
    }

    /** The last lines JMH wrote, usually with the fork's exception. */
    public String logTail() {
        return logTail;
    }

    /** The full JMH log, or null. */
    public Path log() {
        return log;
    }
}
