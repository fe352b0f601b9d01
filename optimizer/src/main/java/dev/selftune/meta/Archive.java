package dev.selftune.meta;

import dev.selftune.generate.Policy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every policy the loop scored, with its lineage. Parents are chosen by clade metaproductivity, as
 * the Huxley-Gödel Machine does: a node's worth as a parent is what its whole clade (itself and every
 * descendant) reached, the mean training speedup over the scored members, so a policy whose children
 * keep improving is preferred to a lucky leaf whose own score is high but whose children fail.
 */
final class Archive {
    private final List<Node> nodes = new ArrayList<>();

    Node add(String id, int generation, Node parent, Policy policy) {
        Node n = new Node(id, generation, parent, policy);
        nodes.add(n);
        return n;
    }

    List<Node> nodes() {
        return List.copyOf(nodes);
    }

    boolean contains(Policy p) {
        return find(p) != null;
    }

    /** The first node with policy {@code p}, or null. */
    Node find(Policy p) {
        return nodes.stream().filter(n -> n.policy.equals(p)).findFirst().orElse(null);
    }

    /** The node itself and all its descendants. */
    List<Node> clade(Node root) {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) {
            for (Node a = n; a != null; a = a.parent) {
                if (a == root) {
                    out.add(n);
                    break;
                }
            }
        }
        return out;
    }

    /** The mean training speedup over the scored members of the clade; NaN when none was scored. */
    double metaproductivity(Node root) {
        double sum = 0;
        int n = 0;
        for (Node c : clade(root)) {
            if (!Double.isNaN(c.ownScore())) {
                sum += c.ownScore();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * The parent of the next generation: the scored node of highest clade metaproductivity; ties go
     * to the smaller clade (less explored), then to the earlier node.
     */
    Node chooseParent() {
        return nodes.stream()
                .filter(n -> !Double.isNaN(n.ownScore()))
                .min(Comparator.comparingDouble((Node n) -> -metaproductivity(n))
                        .thenComparingInt(n -> clade(n).size())
                        .thenComparingInt(nodes::indexOf))
                .orElseThrow(() -> new IllegalStateException("no scored node to choose a parent from"));
    }
}
