package dev.selftune.rank;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One training example: a screened variant's features and its screening speedup over the original,
 * as {@code log(original time / variant time)}. {@code id} names the variant's bytes on its target
 * and inputs, so the same variant measured again replaces its example instead of counting twice.
 */
record Example(String id, String target, Map<String, Double> features, double logSpeedup) {
    Example {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        features = java.util.Collections.unmodifiableMap(new TreeMap<>(features));
        if (!Double.isFinite(logSpeedup)) {
            throw new IllegalArgumentException("example " + id + " has a non-finite log speedup " + logSpeedup);
        }
        features.forEach((k, v) -> {
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("example " + id + " has feature " + k + " = " + v + ", not a finite number");
            }
        });
    }
}
