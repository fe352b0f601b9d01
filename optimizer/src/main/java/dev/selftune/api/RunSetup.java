package dev.selftune.api;

import java.util.List;
import java.util.Objects;

/**
 * The conditions a run measured under, for readers of its numbers: the floating-point tolerance
 * (null when results had to agree bit for bit), the generated input sizes (null when the rows came
 * from a provider or file, named in {@code inputs}), the forks' JVM flags and both fork plans, and why
 * selftune added a flag of its own ({@code forkFlagsNote}, null when it added none).
 */
public record RunSetup(Double fpTolerance, List<Integer> sizes, String inputs, List<String> forkJvmArgs,
                       ForkPlanInfo screening, ForkPlanInfo confirmation, String forkFlagsNote) {
    public RunSetup(Double fpTolerance, List<Integer> sizes, String inputs, List<String> forkJvmArgs,
                    ForkPlanInfo screening, ForkPlanInfo confirmation) {
        this(fpTolerance, sizes, inputs, forkJvmArgs, screening, confirmation, null);
    }

    public RunSetup {
        sizes = sizes == null ? null : List.copyOf(sizes);
        forkJvmArgs = List.copyOf(forkJvmArgs);
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(screening, "screening");
        Objects.requireNonNull(confirmation, "confirmation");
        if (fpTolerance != null && !(fpTolerance > 0 && fpTolerance < 1)) {
            throw new IllegalArgumentException("fpTolerance must be null (bit-exact) or in (0, 1), got " + fpTolerance);
        }
    }

    /** True when a variant only had to agree within {@link #fpTolerance()}, not bit for bit. */
    public boolean toleranceBased() {
        return fpTolerance != null;
    }
}
