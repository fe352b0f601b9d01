package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Variant;
import dev.selftune.generate.specimens.Loops;
import dev.selftune.generate.specimens.Sorts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every generator knob in Policy is read: changing it changes what the generator proposes. */
class PolicyKnobsTest {

    private static List<Variant> generate(Policy p, Class<?> c, String method) {
        Generator g = new Generator(p, TransformContext.exact(p), ClassBytes.resourcesOf(PolicyKnobsTest.class.getClassLoader()));
        return g.generate(method, null, Specimen.bytes(c));
    }

    private static Policy only(List<String> transforms, int depth) {
        Policy d = Policy.defaults();
        return new Policy(transforms, d.ranges(), depth, 100, 1, 0.5);
    }

    /** The values of {@code param} over every first step made by {@code transform}. */
    private static Set<Integer> params(List<Variant> vs, String transform, String param) {
        return vs.stream().map(v -> v.transforms().get(v.transforms().size() - 1))
                .filter(s -> s.transform().equals(transform)).map(s -> s.params().get(param)).collect(Collectors.toSet());
    }

    @Test
    void splitAccumulatorCap_lowered_dropsTheLargerSplits() {
        Policy p = only(List.of("split-accumulators"), 1);
        assertTrue(params(generate(p, Loops.class, "longSum"), "split-accumulators", "k").contains(8));
        Set<Integer> capped = params(generate(p.withLimits(1600, 16, 4, 3, Short.MAX_VALUE), Loops.class, "longSum"),
                "split-accumulators", "k");
        assertEquals(Set.of(2, 4), capped);
    }

    @Test
    void splitAccumulatorCap_raised_allowsARangeBeyondSixteen() {
        Policy p = only(List.of("split-accumulators"), 1).withRanges(Map.of("split-accumulators.k", List.of(32)));
        assertTrue(generate(p, Loops.class, "longSum").isEmpty(), "k=32 is above the default cap of 16");
        assertEquals(Set.of(32), params(generate(p.withLimits(1600, 16, 32, 3, Short.MAX_VALUE), Loops.class, "longSum"),
                "split-accumulators", "k"));
    }

    @Test
    void unrollCap_lowered_dropsTheLargerFactors() {
        Policy p = only(List.of("unroll"), 1);
        assertTrue(params(generate(p, Loops.class, "intSum"), "unroll", "factor").contains(8));
        assertEquals(Set.of(2, 4), params(generate(p.withLimits(1600, 4, 16, 3, Short.MAX_VALUE), Loops.class, "intSum"),
                "unroll", "factor"));
    }

    @Test
    void maxCopiedInsns_tiny_leavesNoCopyingRewrite() {
        Policy p = only(List.of("unroll", "split-accumulators"), 1);
        assertFalse(generate(p, Loops.class, "intSum").isEmpty());
        assertTrue(generate(p.withLimits(1, 16, 16, 3, Short.MAX_VALUE), Loops.class, "intSum").isEmpty());
    }

    @Test
    void constantSmallest_aboveEveryConstant_leavesNothingToTune() {
        Policy p = only(List.of("tune-constant"), 1);
        assertFalse(generate(p, Sorts.class, "sort").isEmpty());
        assertTrue(generate(p.withLimits(1600, 16, 16, 30_000, Short.MAX_VALUE),
                Sorts.class, "sort").isEmpty());
    }

    @Test
    void constantMaxAndAbsolute_bound_theProposedValues() {
        Policy p = only(List.of("tune-constant"), 1).withRanges(Map.of("tune-constant.scale", List.of(50),
                "tune-constant.absolute", List.of(5, 40)));
        Set<Integer> values = params(generate(p, Sorts.class, "sort"), "tune-constant", "value");
        assertTrue(values.containsAll(Set.of(5, 40, 6)), "12 -> 6 (50%), and the absolute 5 and 40: " + values);
        assertFalse(values.contains(64), "64 is in the default absolute list only: " + values);
        Set<Integer> bounded = params(generate(p.withLimits(1600, 16, 16, 3, 20), Sorts.class, "sort"), "tune-constant", "value");
        assertTrue(bounded.stream().allMatch(v -> v <= 20) && bounded.contains(5), "constantMax 20: " + bounded);
    }

    @Test
    void order_byTransform_putsTheFirstTransformsCandidatesFirst() {
        Policy p = only(List.of("split-accumulators", "unroll"), 1);
        List<String> roundRobin = firstTransforms(generate(p, Loops.class, "longSum"));
        List<String> byTransform = firstTransforms(generate(p.withOrder(Policy.Order.BY_TRANSFORM), Loops.class, "longSum"));
        assertNotEquals(roundRobin, byTransform);
        assertEquals(List.of("split-accumulators", "unroll"), roundRobin.subList(0, 2));
        int firstUnroll = byTransform.indexOf("unroll");
        assertTrue(firstUnroll > 1 && byTransform.subList(firstUnroll, byTransform.size()).stream().allMatch("unroll"::equals),
                "by-transform: every split before any unroll: " + byTransform);
    }

    private static List<String> firstTransforms(List<Variant> vs) {
        return vs.stream().map(v -> v.transforms().get(0).transform()).toList();
    }

    @Test
    void policy_unknownTransform_isRefusedNamingItAndTheKnownOnes() {
        Policy d = Policy.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Policy(List.of("unroll", "unrol"), d.ranges(), 3, 24, 1, 0.5));
        assertTrue(e.getMessage().contains("'unrol'") && e.getMessage().contains(String.join(", ", Transforms.names())),
                e.getMessage());
    }

    @Test
    void policy_unknownRange_isRefusedNamingItAndTheKnownOnes() {
        Map<String, List<Integer>> r = new HashMap<>(Policy.defaults().ranges());
        r.put("unroll.factors", List.of(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Policy.defaults().withRanges(r));
        assertTrue(e.getMessage().contains("'unroll.factors'") && e.getMessage().contains("unroll.factor, split-accumulators.k"),
                e.getMessage());
    }

    @Test
    void policy_badLimits_areRefused() {
        Policy d = Policy.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withLimits(0, 16, 16, 3, 100));
        assertThrows(IllegalArgumentException.class, () -> d.withLimits(1600, 1, 16, 3, 100));
        assertThrows(IllegalArgumentException.class, () -> d.withLimits(1600, 16, 65, 3, 100));
        assertThrows(IllegalArgumentException.class, () -> d.withLimits(1600, 16, 16, 50, 10));
        assertThrows(IllegalArgumentException.class, () -> d.withLimits(1600, 16, 16, 3, 40_000));
    }
}
