package dev.selftune.meta;

import java.util.Objects;

/**
 * One method the meta loop tunes, as a targets file names it: the {@code tune --target} spec, an
 * optional inputs provider, floating-point tolerance and sizes (null: tune's defaults), and the
 * line it came from (0 when built in code).
 */
public record MetaTarget(String method, String inputs, Double fpTolerance, int[] sizes, int line) {
    public MetaTarget {
        Objects.requireNonNull(method, "method");
        sizes = sizes == null ? null : sizes.clone();
    }

    public MetaTarget(String method) {
        this(method, null, null, null, 0);
    }

    @Override
    public int[] sizes() {
        return sizes == null ? null : sizes.clone();
    }

    @Override
    public String toString() {
        return method;
    }
}
