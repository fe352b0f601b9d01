package dev.selftune.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One transform applied with its parameters, e.g. {@code unroll {loop=0, factor=4}}. */
public record Step(String transform, Map<String, Integer> params) {
    public Step {
        Objects.requireNonNull(transform, "transform");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    @Override
    public String toString() {
        return transform + params;
    }
}
