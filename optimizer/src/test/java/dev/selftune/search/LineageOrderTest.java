package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.selftune.api.Step;
import dev.selftune.api.Variant;
import dev.selftune.generate.Policy;
import dev.selftune.generate.RankPolicy;
import dev.selftune.rank.Ranking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without a model, screening leaves for last the descendants of a variant that screened clearly behind the best so far. */
class LineageOrderTest {
    private static Variant v(String id, String parent) {
        return new Variant(id, parent, List.of(new Step("unroll", Map.of("factor", id.length()))), id.getBytes());
    }

    /* v1, v2, v3 first level; v4, v5 children of v1; v6 child of v2; v7 child of v4 (a grandchild of v1); v8 child of v3 */
    private final Variant v1 = v("v1", Variant.ORIGINAL_ID);
    private final Variant v2 = v("v2", Variant.ORIGINAL_ID);
    private final Variant v3 = v("v3", Variant.ORIGINAL_ID);
    private final Variant v4 = v("v4", "v1");
    private final Variant v5 = v("v5", "v1");
    private final Variant v6 = v("v6", "v2");
    private final Variant v7 = v("v7", "v4");
    private final Variant v8 = v("v8", "v3");
    private final List<Variant> all = List.of(v1, v2, v3, v4, v5, v6, v7, v8);

    private static List<String> ids(List<Variant> vs) {
        List<String> out = new ArrayList<>();
        vs.forEach(v -> out.add(v.id()));
        return out;
    }

    @Test
    void reorder_chainsOfAClearLoserLast_theRestInTheirOrder() {
        Map<Variant, Double> seen = new LinkedHashMap<>();
        seen.put(v1, Math.log(0.8));    // far behind the best: its line waits
        seen.put(v2, Math.log(1.9));    // the best: its line keeps its place, it does not jump the untried
        List<Variant> rest = List.of(v3, v4, v5, v6, v7, v8);
        assertEquals(List.of("v3", "v6", "v8", "v4", "v5", "v7"), ids(new LineageOrder(all).reorder(rest, seen)),
                "v3, v6, v8 in their order; v1's line (v7 through its unscreened parent v4) last, in order");
    }

    @Test
    void reorder_withinTheMarginOfTheBest_keepsItsPlace() {
        Map<Variant, Double> seen = new LinkedHashMap<>();
        seen.put(v1, Math.log(1.65));   // 2.0 / 1.65 = 1.21: not behind by more than the margin
        seen.put(v2, Math.log(2.0));
        assertEquals(List.of("v4", "v6", "v3"), ids(new LineageOrder(all).reorder(List.of(v4, v6, v3), seen)));
        seen.put(v2, Math.log(2.1));    // now 2.1 / 1.65 = 1.27: behind by more than 1.25
        assertEquals(List.of("v6", "v3", "v4"), ids(new LineageOrder(all).reorder(List.of(v4, v6, v3), seen)));
    }

    @Test
    void reorder_nearestScreenedAncestorCounts_andNothingSeenKeepsTheOrder() {
        List<Variant> rest = List.of(v3, v5, v7, v8);
        assertEquals(ids(rest), ids(new LineageOrder(all).reorder(rest, Map.of())), "nothing screened: the generator's order");
        Map<Variant, Double> seen = new LinkedHashMap<>();
        seen.put(v1, Math.log(1.2));
        seen.put(v4, Math.log(3.0));    // v7's parent, not its slow grandparent, is what counts
        assertEquals(List.of("v3", "v7", "v8", "v5"), ids(new LineageOrder(all).reorder(rest, seen)));
    }

    @Test
    void reorder_aParentOutsideTheRun_countsAsNothingSeen() {
        Variant orphan = v("v9", "gone");
        Map<Variant, Double> seen = Map.of(v1, Math.log(0.5), v2, Math.log(2.0));
        assertEquals(List.of("v9", "v5"), ids(new LineageOrder(List.of(v1, v2, v5, orphan)).reorder(List.of(v5, orphan), seen)),
                "v5's parent is far behind; the orphan has no screened ancestor");
    }

    @Test
    void screeningOrder_lineageWhenThePolicyAsksAndNoModelReorders() {
        Ranking noModel = Ranking.open(null, "env", RankPolicy.defaults(), w -> { });
        assertNotNull(Tuner.screeningOrder(Policy.defaults(), noModel, all), "on by default");
        assertNull(Tuner.screeningOrder(Policy.defaults().withLineageOrder(false), noModel, all), "off: the generator's order");
        Map<Variant, Double> seen = Map.of(v2, Math.log(0.7), v1, Math.log(1.5));
        assertEquals(List.of("v3", "v6"), ids(Tuner.screeningOrder(Policy.defaults(), noModel, all).apply(List.of(v6, v3), seen)));
    }
}
