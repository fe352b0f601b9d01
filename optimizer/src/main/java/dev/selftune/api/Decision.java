package dev.selftune.api;

/** The verdict of the confirmation run: swap in a variant with its evidence, or keep the original and say why. */
public sealed interface Decision {
    record Swap(Variant variant, Speedup speedup, Measurement baseline, Measurement winner) implements Decision { }

    record Keep(String reason) implements Decision {
        public Keep {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("keeping the original needs a reason");
            }
        }
    }

    default String label() {
        return this instanceof Swap ? "swap" : "keep-original";
    }
}
