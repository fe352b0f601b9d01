package dev.selftune.meta;

import java.util.Objects;

/**
 * What self-tuning did with one of selftune's own hot methods after a generation: its samples in that
 * generation, the decision ({@code swap} or {@code keep-original} from tune's unchanged judge,
 * {@code refused} before tuning, {@code error} when tuning failed), the confirmed speedup with its
 * interval (NaN when nothing was confirmed), whether the winner now runs in this JVM, and why.
 */
public record SelfTuneRow(String method, long samples, String decision, double speedup, double low, double high,
                          boolean swapped, String reason) {
    public SelfTuneRow {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason: every self-tuning row says why");
        if (swapped && !decision.equals("swap")) {
            throw new IllegalArgumentException("self-tuning row for " + method + " is swapped with decision " + decision
                    + ": only a swap decision may be installed");
        }
    }

    /** A row for a method that was not tuned (refused, or an error), without numbers. */
    public static SelfTuneRow notTuned(String method, long samples, String decision, String reason) {
        return new SelfTuneRow(method, samples, decision, Double.NaN, Double.NaN, Double.NaN, false, reason);
    }
}
