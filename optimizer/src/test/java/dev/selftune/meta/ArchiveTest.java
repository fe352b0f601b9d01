package dev.selftune.meta;

import static dev.selftune.meta.Fakes.u;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.generate.Policy;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchiveTest {
    private static Node add(Archive a, String id, Node parent, double own) {
        Node n = a.add(id, parent == null ? 0 : parent.generation + 1, parent, Policy.defaults().withOrder(
                id.hashCode() % 2 == 0 ? Policy.Order.ROUND_ROBIN : Policy.Order.BY_TRANSFORM));
        n.train = u(own, own, own, 10);
        return n;
    }

    @Test
    void clade_isTheNodeAndAllItsDescendants() {
        Archive a = new Archive();
        Node root = add(a, "g0", null, 1.0);
        Node x = add(a, "x", root, 1.0);
        Node y = add(a, "y", x, 1.0);
        Node z = add(a, "z", root, 1.0);
        assertEquals(List.of(root, x, y, z), a.clade(root));
        assertEquals(List.of(x, y), a.clade(x));
        assertEquals(List.of(z), a.clade(z));
    }

    @Test
    void chooseParent_luckyLeafVersusProductiveClade_choosesTheClade() {
        Archive a = new Archive();
        Node root = add(a, "g0", null, 1.0);
        Node lucky = add(a, "lucky", root, 1.5);
        add(a, "lucky-child-1", lucky, 1.0);
        add(a, "lucky-child-2", lucky, 1.0);
        Node steady = add(a, "steady", root, 1.3);
        add(a, "steady-child", steady, 1.4);
        // own scores: lucky 1.5 > steady 1.3; clade metaproductivity: lucky 1.17 < steady 1.35
        assertTrue(lucky.ownScore() > steady.ownScore());
        assertEquals(3.5 / 3, a.metaproductivity(lucky), 1e-9);
        assertEquals(1.35, a.metaproductivity(steady), 1e-9);
        assertSame(a.nodes().get(5), a.chooseParent(), "the steady clade's best member (1.4, a clade of one) wins");
    }

    @Test
    void chooseParent_equalMetaproductivity_prefersTheLessExploredClade() {
        Archive a = new Archive();
        Node root = add(a, "g0", null, 1.2);
        add(a, "child", root, 1.2);
        assertEquals("child", a.chooseParent().id);
    }

    @Test
    void metaproductivity_unscoredMembers_areLeftOut() {
        Archive a = new Archive();
        Node root = add(a, "g0", null, 1.2);
        a.add("unscored", 1, root, Policy.defaults().withOrder(Policy.Order.BY_TRANSFORM));
        assertEquals(1.2, a.metaproductivity(root), 1e-9);
    }
}
