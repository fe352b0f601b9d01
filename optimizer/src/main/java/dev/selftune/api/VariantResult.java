package dev.selftune.api;

import java.util.Objects;

/**
 * One variant's fate: its verdict, and if it was measured, its JMH measurement and speedup over
 * the baseline from the same run. {@code note} says how far it got (e.g. "eliminated in round 1").
 */
public record VariantResult(Variant variant, Verdict verdict, Measurement measurement, Speedup speedup, String note) {
    public VariantResult {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(verdict, "verdict");
        if (!verdict.passed() && (measurement != null || speedup != null)) {
            throw new IllegalArgumentException("variant " + variant.id() + " was rejected and must carry no score");
        }
    }
}
