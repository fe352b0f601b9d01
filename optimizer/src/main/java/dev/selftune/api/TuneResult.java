package dev.selftune.api;

import java.util.List;

/**
 * Everything one tuning run found, with its evidence: where it ran, the baseline, every variant
 * and the decision. {@code winnerClassBytes} is the whole target class with the tuned method, or null.
 */
public record TuneResult(
        MethodRef target,
        String jvmVersion,
        String jvmVendor,
        String cpu,
        long seed,
        double budgetSeconds,
        double elapsedSeconds,
        Measurement baseline,
        List<VariantResult> variants,
        Decision decision,
        byte[] originalClassBytes) {

    public TuneResult {
        variants = List.copyOf(variants);
    }

    public byte[] winnerClassBytes() {
        return decision instanceof Decision.Swap s ? s.variant().classBytes() : null;
    }

    public long generated() {
        return variants.size();
    }

    public long rejected() {
        return variants.stream().filter(v -> !v.verdict().passed()).count();
    }

    public long measured() {
        return variants.stream().filter(v -> v.measurement() != null).count();
    }
}
