package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.Variant;
import dev.selftune.generate.heat.PowerSums;
import dev.selftune.inputs.InputSource;
import dev.selftune.target.Target;
import dev.selftune.verify.Verifier;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Candidates are ordered by where the rows spend their time: the counts come from a real run of a probe class
 * over the verification rows (the verifier's), and an edit is judged by the code it touches.
 */
class HotCodeTest {
    private static final InputSource SRC = new InputSource(7, new int[] {16, 300}, null, null);
    private static final String DOUBLE_ARRAY = "([D)D";

    private static Verifier verifier(String name, String desc) throws Exception {
        Path classes = Path.of(HotCodeTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Target t = new Target(new MethodRef(PowerSums.class.getName(), name, desc), Specimen.bytes(PowerSums.class), true,
                List.of(classes));
        return new Verifier(t, SRC, null);
    }

    private static Function<byte[], Map<String, long[]>> counts(Verifier v) {
        return probe -> v.countersAfterRows(probe, HotCode.FIELD, 30_000_000_000L);
    }

    private static Generator generator(List<String> transforms, int depth) {
        return generator(new Policy(transforms, Policy.defaults().ranges(), depth, 100, 1, 0.5));
    }

    private static Generator generator(Policy p) {
        /* sums may be reassociated, so split-accumulators applies to every case's loop */
        return new Generator(p, new TransformContext(true, 1e-9, p), ClassBytes.resourcesOf(HotCodeTest.class.getClassLoader()));
    }

    /* The probe of one static method of PowerSums, run by the verifier over the rows of `name`. */
    private static HotCode heat(String name, String desc, List<MethodNode> members) throws Exception {
        return heat(name, desc, members, Policy.DEFAULT_LUKEWARM_SHARE);
    }

    private static HotCode heat(String name, String desc, List<MethodNode> members, double lukewarmShare) throws Exception {
        byte[] original = Specimen.bytes(PowerSums.class);
        ClassNode cn = ClassBytes.read(original);
        List<MethodNode> probed = new ArrayList<>();
        for (MethodNode m : members) {
            probed.add(TunedMethods.find(cn, m.name, m.desc));
        }
        HotCode.Probe probe = HotCode.probe(original, cn, probed, ClassBytes.resourcesOf(HotCodeTest.class.getClassLoader()));
        assertNotNull(probe);
        assertEquals("", Specimen.check(probe.classBytes()), "the probe class verifies");
        Map<String, long[]> c = counts(verifier(name, desc)).apply(probe.classBytes());
        assertNotNull(c, "the verifier ran the probe");
        return HotCode.of(probe, c, lukewarmShare);
    }

    private static MethodNode method(String name) {
        return TunedMethods.find(ClassBytes.read(Specimen.bytes(PowerSums.class)), name, null);
    }

    private static AbstractInsnNode first(MethodNode m, java.util.function.Predicate<AbstractInsnNode> p) {
        for (AbstractInsnNode n : m.instructions) {
            if (p.test(n)) {
                return n;
            }
        }
        throw new AssertionError("no such instruction");
    }

    private static boolean isPow(AbstractInsnNode n) {
        return n instanceof MethodInsnNode c && c.name.equals("pow");
    }

    /* the first DMUL is the hot case's a[i] * a[i] */
    private static boolean isDmul(AbstractInsnNode n) {
        return n.getOpcode() == Opcodes.DMUL;
    }

    @Test
    void tierOf_editsInACaseNoRowTakes_areCold_andInTheCaseTheyTake_hot() throws Exception {
        MethodNode view = method("powerSum");
        HotCode hot = heat("powerSum", "([DI)D", List.of(view));
        assertTrue(hot.anyNotHot());
        /* generated rows give k many values: every case runs */
        HotCode.Before b = hot.before(0, view);
        view.instructions.insertBefore(first(view, HotCodeTest::isPow), new InsnNode(Opcodes.NOP));
        assertEquals(HotCode.Tier.HOT, HotCode.tierOf(b, view), "k is generated: the default case runs too");

        MethodNode squares = method("powerSum");
        HotCode viaSquares = heat("squares", DOUBLE_ARRAY, List.of(method("squares"), squares));
        HotCode.Before cold = viaSquares.before(1, squares);
        squares.instructions.insertBefore(first(squares, HotCodeTest::isPow), new InsnNode(Opcodes.NOP));
        assertEquals(HotCode.Tier.COLD, HotCode.tierOf(cold, squares), "squares only ever asks for k = 2");

        MethodNode again = method("powerSum");
        HotCode.Before hotCase = viaSquares.before(1, again);
        again.instructions.insertBefore(first(again, HotCodeTest::isDmul), new InsnNode(Opcodes.NOP));
        assertEquals(HotCode.Tier.HOT, HotCode.tierOf(hotCase, again));

        MethodNode constant = method("powerSum");
        HotCode.Before inPlace = viaSquares.before(1, constant);
        AbstractInsnNode pow = first(constant, HotCodeTest::isPow);
        constant.instructions.insertBefore(pow, new LdcInsnNode(2.0));   // an inserted instruction in the cold loop
        constant.instructions.insertBefore(pow, new InsnNode(Opcodes.POP2));
        assertEquals(HotCode.Tier.COLD, HotCode.tierOf(inPlace, constant));

        MethodNode untouched = method("powerSum");
        assertEquals(HotCode.Tier.HOT, HotCode.tierOf(viaSquares.before(1, untouched), untouched), "no edit: cannot tell, so hot");
    }

    @Test
    void tierOf_setUpLoopBesideAQuadraticNest_isLukewarm() throws Exception {
        MethodNode view = method("pairs");
        HotCode hot = heat("pairs", "([I)J", List.of(view));
        HotCode.Before b = hot.before(0, view);
        view.instructions.insertBefore(first(view, n -> n.getOpcode() == Opcodes.IAND), new InsnNode(Opcodes.NOP));
        assertEquals(HotCode.Tier.LUKEWARM, HotCode.tierOf(b, view), "n against n*n steps");
        MethodNode nest = method("pairs");
        HotCode.Before inNest = hot.before(0, nest);
        nest.instructions.insertBefore(first(nest, n -> n.getOpcode() == Opcodes.LMUL), new InsnNode(Opcodes.NOP));
        assertEquals(HotCode.Tier.HOT, HotCode.tierOf(inNest, nest));
    }

    @Test
    void tierOf_lukewarmShare_isThePolicysKnob() throws Exception {
        MethodNode view = method("pairs");
        HotCode none = heat("pairs", "([I)J", List.of(view), 0);
        HotCode.Before b = none.before(0, view);
        view.instructions.insertBefore(first(view, n -> n.getOpcode() == Opcodes.IAND), new InsnNode(Opcodes.NOP));
        assertEquals(HotCode.Tier.HOT, HotCode.tierOf(b, view), "share 0: every nest that ran is hot");
        MethodNode nest = method("pairs");
        HotCode half = heat("pairs", "([I)J", List.of(nest), Policy.MAX_LUKEWARM_SHARE);
        HotCode.Before inNest = half.before(0, nest);
        nest.instructions.insertBefore(first(nest, n -> n.getOpcode() == Opcodes.LMUL), new InsnNode(Opcodes.NOP));
        assertEquals(HotCode.Tier.HOT, HotCode.tierOf(inNest, nest), "the hottest nest stays hot at any share");
    }

    @Test
    void before_aViewAnEarlierStepChanged_borrowsTheTiersOfTheCodeItAlignsWith() throws Exception {
        MethodNode squares = method("powerSum");
        HotCode viaSquares = heat("squares", DOUBLE_ARRAY, List.of(method("squares"), squares));
        /* an earlier step: a copy of the cold loop's call and some code at the top */
        MethodNode view = method("powerSum");
        for (int i = 0; i < 5; i++) {
            view.instructions.insert(new InsnNode(Opcodes.NOP));
        }
        AbstractInsnNode pow = first(view, HotCodeTest::isPow);
        view.instructions.insertBefore(pow, new InsnNode(Opcodes.NOP));
        HotCode.Before b = viaSquares.before(1, view);
        view.instructions.insert(pow, new InsnNode(Opcodes.NOP));
        assertEquals(HotCode.Tier.COLD, HotCode.tierOf(b, view), "the cold loop is found again in the changed view");
        MethodNode hotView = method("powerSum");
        hotView.instructions.insert(new InsnNode(Opcodes.NOP));
        HotCode.Before h = viaSquares.before(1, hotView);
        hotView.instructions.insert(first(hotView, HotCodeTest::isDmul), new InsnNode(Opcodes.NOP));
        assertEquals(HotCode.Tier.HOT, HotCode.tierOf(h, hotView));
    }

    @Test
    void align_matchesALongestCommonSubsequence() {
        int[] m = HotCode.align(new String[] {"a", "x", "b", "c", "y"}, new String[] {"a", "b", "z", "c"});
        assertEquals(List.of(0, -1, 1, 3, -1), java.util.Arrays.stream(m).boxed().toList());
    }

    @Test
    void generate_withHeat_unrollsOnlyTheCaseTheRowsTake_atEveryDepth() throws Exception {
        byte[] original = Specimen.bytes(PowerSums.class);
        List<String> splitThenUnroll = List.of("split-accumulators", "unroll");
        List<Variant> all = generator(splitThenUnroll, 2).generate("squares", DOUBLE_ARRAY, original);
        Generator g = generator(splitThenUnroll, 2).orderedByHeat(counts(verifier("squares", DOUBLE_ARRAY)));
        List<Variant> hot = g.generate("squares", DOUBLE_ARRAY, original);
        assertTrue(all.stream().anyMatch(v -> count(v, HotCodeTest::isPow) > 1), "without counts the default case is unrolled too");
        assertTrue(all.stream().anyMatch(v -> v.transforms().size() == 2 && count(v, HotCodeTest::isPow) > 1),
                "and composed onto a split of the hot loop");
        assertFalse(hot.isEmpty(), "the case the rows take is unrolled: " + g.notApplied());
        /* the split of the hot loop is composed with nothing: the unrolls it was composed with above are of cold loops,
         * left out when applied (tryApply), since depth-0 ordering never sees compositions */
        assertTrue(hot.size() < all.size(), hot.size() + " of " + all.size());
        for (Variant v : hot) {
            assertEquals(1, count(v, HotCodeTest::isPow), v + " unrolled the default case, which no row runs");
            assertEquals(1, count(v, n -> n instanceof LdcInsnNode l && Double.valueOf(0.5).equals(l.cst)), v + " touched case 1");
            assertTrue(count(v, HotCodeTest::isDmul) > 1, v + " should have rewritten the k = 2 loop");
        }
        String why = g.skipped().get("order: colder code");
        assertNotNull(why, g.skipped().toString());
        assertTrue(why.contains("never ran"), why);
        Class<?> c = Specimen.load(PowerSums.class.getName(), hot.get(0).classBytes());
        Method m = c.getMethod("squares", double[].class);
        Random r = new Random(3);
        for (int t = 0; t < 50; t++) {
            double[] a = r.doubles(r.nextInt(40)).toArray();
            double want = PowerSums.squares(a.clone());
            assertEquals(want, (double) m.invoke(null, (Object) a.clone()), 1e-12 * Math.abs(want), "reassociated within 1e-12");
        }
    }

    @Test
    void generate_withHeat_setUpLoopIsTriedAfterTheNest() throws Exception {
        byte[] original = Specimen.bytes(PowerSums.class);
        List<Variant> plain = generator(List.of("unroll"), 1).generate("pairs", "([I)J", original);
        Generator g = generator(List.of("unroll"), 1).orderedByHeat(counts(verifier("pairs", "([I)J")));
        List<Variant> hot = g.generate("pairs", "([I)J", original);
        assertEquals(plain.size(), hot.size(), "lukewarm candidates are reordered, not left out");
        java.util.function.Predicate<Variant> setUp = v -> countIn(v, "pairs", n -> n.getOpcode() == Opcodes.IAND) > 1;
        int firstSetUpPlain = indexOf(plain, setUp);
        int lastNestPlain = lastIndexOf(plain, setUp.negate());
        assertTrue(firstSetUpPlain < lastNestPlain, "without counts the set-up loop comes before the outer loop: " + plain);
        assertTrue(indexOf(hot, setUp) > lastIndexOf(hot, setUp.negate()), "with counts after every nest candidate: " + hot);
        assertTrue(g.skipped().get("order: colder code").contains("3 only loop nests"), g.skipped().toString());
    }

    @Test
    void generate_withHeat_lukewarmShareZero_keepsTheTransformsOrder() throws Exception {
        byte[] original = Specimen.bytes(PowerSums.class);
        Policy p = new Policy(List.of("unroll"), Policy.defaults().ranges(), 1, 100, 1, 0.5).withLukewarmShare(0);
        List<Variant> plain = generator(p).generate("pairs", "([I)J", original);
        Generator g = generator(p).orderedByHeat(counts(verifier("pairs", "([I)J")));
        List<Variant> hot = g.generate("pairs", "([I)J", original);
        assertEquals(names(plain), names(hot), "no nest is lukewarm at share 0: the order is the transforms' own");
        assertFalse(g.skipped().containsKey("order: colder code"), g.skipped().toString());
    }

    private static List<String> names(List<Variant> vs) {
        List<String> out = new ArrayList<>();
        vs.forEach(v -> out.add(v.transforms().toString() + Variant.sha256(v.classBytes())));
        return out;
    }

    private static int indexOf(List<Variant> vs, java.util.function.Predicate<Variant> p) {
        for (int i = 0; i < vs.size(); i++) {
            if (p.test(vs.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(List<Variant> vs, java.util.function.Predicate<Variant> p) {
        int last = -1;
        for (int i = 0; i < vs.size(); i++) {
            last = p.test(vs.get(i)) ? i : last;
        }
        return last;
    }

    @Test
    void generate_onlyColdCandidates_notAppliedSaysTheCodeNeverRan() throws Exception {
        byte[] original = Specimen.bytes(PowerSums.class);
        /* counts from a real run, all set to zero: as if no row ever reached the method's loops */
        Verifier v = verifier("squares", DOUBLE_ARRAY);
        Generator g = generator(List.of("unroll"), 1).orderedByHeat(probe -> {
            Map<String, long[]> c = v.countersAfterRows(probe, HotCode.FIELD, 30_000_000_000L);
            c.replaceAll((k, counts) -> new long[counts.length]);
            return c;
        });
        List<Variant> none = g.generate("squares", DOUBLE_ARRAY, original);
        assertEquals(List.of(), none);
        assertTrue(g.notApplied().get("unroll").contains("never ran on the verification rows"), g.notApplied().get("unroll"));
    }
    @Test
    void generate_countsUnavailable_keepsTheTransformsOrderAndSaysWhy() {
        byte[] original = Specimen.bytes(PowerSums.class);
        List<Variant> plain = generator(List.of("unroll"), 1).generate("squares", DOUBLE_ARRAY, original);
        Generator g = generator(List.of("unroll"), 1).orderedByHeat(probe -> null);
        List<Variant> same = g.generate("squares", DOUBLE_ARRAY, original);
        assertEquals(plain.stream().map(Variant::transforms).toList(), same.stream().map(Variant::transforms).toList());
        assertTrue(g.skipped().get("order: colder code").contains("did not run over the verification rows"), g.skipped().toString());
    }

    @Test
    void countersAfterRows_aClassThatCannotLoad_isNull() throws Exception {
        assertNull(verifier("squares", DOUBLE_ARRAY).countersAfterRows(new byte[] {1, 2, 3}, HotCode.FIELD, 1_000_000_000L));
    }

    private static int count(Variant v, java.util.function.Predicate<AbstractInsnNode> p) {
        return countIn(v, "powerSum" + UnitRouting.INFIX, p);
    }

    private static int countIn(Variant v, String methodPrefix, java.util.function.Predicate<AbstractInsnNode> p) {
        int n = 0;
        for (MethodNode m : ClassBytes.read(v.classBytes()).methods) {
            if (m.name.startsWith(methodPrefix)) {
                for (AbstractInsnNode i : m.instructions) {
                    n += p.test(i) ? 1 : 0;
                }
            }
        }
        return n;
    }
}
