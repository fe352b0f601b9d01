package dev.selftune.meta;

import dev.selftune.generate.Policy;
import java.util.Objects;

/**
 * One policy in the archive: generation 0, or a candidate proposed in generation {@code generation}
 * from {@code parent}; its training utility, the fresh re-run that confirmed it (null when it was not
 * re-run), its held-out utility (null when not scored on held-out), whether it was adopted and why
 * (or why not).
 */
final class Node {
    final String id;
    final int generation;
    final Node parent;
    final Policy policy;
    Utility train;
    Utility rerun;
    Utility holdout;
    boolean adopted;
    String status = "scored";
    /** How the policy was proposed: "default", "random mutation" or the evidence it came from. */
    String proposal = "random mutation";

    Node(String id, int generation, Node parent, Policy policy) {
        this.id = Objects.requireNonNull(id, "id");
        this.generation = generation;
        this.parent = parent;
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The training utility that counts: the re-run when there was one (a fresh confirmation), else the first scoring. */
    Utility trainUtility() {
        return rerun != null ? rerun : train;
    }

    /** Own score for parent choice: the training geometric-mean speedup. */
    double ownScore() {
        return trainUtility() == null ? Double.NaN : trainUtility().speedup();
    }
}
