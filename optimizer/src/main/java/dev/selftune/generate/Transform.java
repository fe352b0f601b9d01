package dev.selftune.generate;

import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A semantics-preserving rewrite rule with parameters (Caffeine's generator rules are the model):
 * it says where and how it applies to a method, and applies itself to a copy.
 */
public interface Transform {
    /** Parameter sets {@code {key: 0}}, ..., {@code {key: n - 1}}: one candidate per site a transform found. */
    static java.util.List<java.util.Map<String, Integer>> indexed(String key, int n) {
        java.util.List<java.util.Map<String, Integer>> out = new java.util.ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(java.util.Map.of(key, k));
        }
        return out;
    }

    /** Stable name used in reports, policies and wisdom, e.g. {@code unroll}. */
    String name();

    /**
     * The parameter sets this transform offers for {@code method}, most promising first; empty when
     * it does not apply. Every set must be accepted by {@link #apply}.
     */
    List<Map<String, Integer>> candidates(ClassNode owner, MethodNode method, TransformContext ctx);

    /**
     * Rewrites {@code method} (a private copy, owned by {@code owner}) in place with {@code params}.
     * Returns false, leaving the method unchanged, when the parameters do not apply after all.
     */
    boolean apply(ClassNode owner, MethodNode method, Map<String, Integer> params, TransformContext ctx);

    /**
     * Whether every variant this transform makes computes what the original did on every input
     * (the loop rewrites); false for a proposal that only verification can accept (a tuned
     * constant, another algorithm). Conformance suites hold exact transforms to bit-for-bit behaviour
     * on every specimen method, proposals to valid bytecode.
     */
    default boolean exact() {
        return true;
    }

    /**
     * Why {@link #candidates} offers nothing for {@code method}, in words a user can act on: the loop,
     * local or rule that failed, from this transform's own analysis. Asked only when it offered nothing.
     */
    default String whyNotApplied(ClassNode owner, MethodNode method, TransformContext ctx) {
        return "found no place in " + method.name + method.desc + " where its rule applies (" + name()
                + " gives no finer reason; see its class documentation for the shapes it rewrites)";
    }

    /**
     * What this transform deliberately leaves alone in {@code method} although its shape matches, each
     * with the reason (a constant tied to a loop's step is not a knob): the report lists them.
     */
    default Map<String, String> skipped(ClassNode owner, MethodNode method, TransformContext ctx) {
        return Map.of();
    }
}
