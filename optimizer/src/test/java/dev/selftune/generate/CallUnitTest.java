package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Variant;
import dev.selftune.generate.specimens.Delegating;
import dev.selftune.generate.specimens.DelegatingPlanted;
import dev.selftune.generate.transform.AlgorithmChoice;
import dev.selftune.generate.transform.TuneConstant;
import dev.selftune.report.ChangedMethods;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The unit a run tunes: a delegating entry's callees join it, are rewritten as private copies, and stay bounded. */
class CallUnitTest {
    static Generator generator(Policy p) {
        return new Generator(p, TransformContext.exact(p), ClassBytes.resourcesOf(CallUnitTest.class.getClassLoader()));
    }

    static Policy only(List<String> transforms, int depth) {
        return new Policy(transforms, Policy.defaults().ranges(), depth, 100, 1, 0.5);
    }

    private static List<String> unit(ClassNode cn, String name, String desc) {
        return TunedMethods.of(cn, TunedMethods.find(cn, name, desc)).stream().map(m -> m.name + m.desc).toList();
    }

    private static List<String> calls(byte[] bytes, String name, String desc) {
        List<String> out = new ArrayList<>();
        for (AbstractInsnNode n : TunedMethods.find(ClassBytes.read(bytes), name, desc).instructions) {
            if (n instanceof MethodInsnNode c) {
                out.add(c.name);
            }
        }
        return out;
    }

    private static List<Variant> variants(Class<?> c, String name, String desc, Policy p) {
        return generator(p).generate(name, desc, Specimen.bytes(c));
    }

    @Test
    void unit_delegatingEntry_followsPublicRecursiveCalleeAndItsHelpers() {
        assertEquals(List.of("quickSort([I)V", "quickSort([III)V", "selectionSort([III)V", "med3([IIII)I", "swap([III)V",
                "swap([IIII)V"), unit(ClassBytes.read(Specimen.bytes(Delegating.class)), "quickSort", "([I)V"));
    }

    @Test
    void unit_chainDeeperThanTheBound_stopsAtDepthThree() {
        assertEquals(List.of("chain([I)I", "level1([II)I", "level2([II)I", "level3([II)I"),
                unit(ClassBytes.read(Specimen.bytes(DelegatingPlanted.class)), "chain", "([I)I"));
    }

    @Test
    void unit_hugeCallee_isLeftOutWithWhatOnlyItCalls() {
        ClassNode cn = ClassBytes.read(Specimen.bytes(DelegatingPlanted.class));
        InsnList pad = new InsnList();
        for (int i = 0; i < TunedMethods.MAX_INSNS; i++) {
            pad.add(new InsnNode(Opcodes.NOP));
        }
        TunedMethods.find(cn, "level2", null).instructions.insert(pad);
        assertEquals(List.of("chain([I)I", "level1([II)I"), unit(cn, "chain", "([I)I"));
    }

    @Test
    void unit_entryCallingManyStatics_isCappedAtMaxMethods() {
        ClassNode cn = new ClassNode();
        cn.name = "Fan";
        MethodNode target = new MethodNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "all", "()V", null, null);
        for (int i = 0; i < 12; i++) {
            MethodNode m = new MethodNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "m" + i, "()V", null, null);
            m.instructions.add(new InsnNode(Opcodes.RETURN));
            cn.methods.add(m);
            target.instructions.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "Fan", m.name, "()V", false));
        }
        target.instructions.add(new InsnNode(Opcodes.RETURN));
        cn.methods.add(target);
        List<String> unit = unit(cn, "all", "()V");
        assertEquals(TunedMethods.MAX_METHODS, unit.size(), unit.toString());
        assertEquals("m6()V", unit.get(unit.size() - 1), "nearest callees first: " + unit);
    }

    /* The public range method keeps its bytes; the entry and the copy's recursion go to the rewritten copy. */
    @Test
    void generate_cutOffInTheCallee_rewritesAPrivateCopyAndRoutesTheUnitToIt() throws Exception {
        byte[] original = Specimen.bytes(Delegating.class);
        List<Variant> vs = variants(Delegating.class, "quickSort", "([I)V", only(List.of(TuneConstant.NAME), 1));
        List<Variant> callee = vs.stream().filter(v -> v.transforms().get(0).params().get("method") == 1).toList();
        assertTrue(callee.size() >= 8, "both cut-offs (16, 128) of quickSort([III)V are offered: " + vs);
        for (Variant v : callee) {
            assertEquals(List.of("quickSort([III)V"), ChangedMethods.of(original, v.classBytes()), v.toString());
            ClassNode cn = ClassBytes.read(v.classBytes());
            MethodNode copy = TunedMethods.find(cn, "quickSort" + UnitRouting.INFIX + "1", "([III)V");
            assertNotNull(copy, v.toString());
            assertEquals(Opcodes.ACC_PRIVATE, copy.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_PUBLIC));
            assertEquals(List.of("quickSort$unit$1"), calls(v.classBytes(), "quickSort", "([I)V"));
            assertTrue(calls(v.classBytes(), copy.name, copy.desc).contains(copy.name), "the recursion stays in the copy");
            assertEquals(calls(original, "quickSort", "([III)V"), calls(v.classBytes(), "quickSort", "([III)V"),
                    "the public callee is left as it was");
            assertEquals("", Specimen.check(v.classBytes()), v.toString());
        }
        assertConforms(Delegating.class, callee);
    }

    @Test
    void generate_selectionSortBaseCase_isOfferedTheInsertionSortSibling() throws Exception {
        byte[] original = Specimen.bytes(Delegating.class);
        List<Variant> vs = variants(Delegating.class, "quickSort", "([I)V", only(List.of(AlgorithmChoice.NAME), 1));
        List<Variant> baseCase = vs.stream().filter(v -> v.transforms().get(0).params().get("method") == 1).toList();
        assertEquals(1, baseCase.size(), "one sibling for the base-case call with one: " + vs);
        Variant v = baseCase.get(0);
        assertTrue(calls(v.classBytes(), "quickSort$unit$1", "([III)V").contains("insertionSort"), v.toString());
        assertFalse(calls(v.classBytes(), "quickSort$unit$1", "([III)V").contains("selectionSort"), v.toString());
        assertEquals(List.of("quickSort([III)V"), ChangedMethods.of(original, v.classBytes()));
        assertConforms(Delegating.class, vs);
    }

    /*
     * The entry's call into the recursive range method is outside the recursion: a sibling there chooses the
     * algorithm for the whole job (fastutil's radixSort for its quickSort); the recursive calls inside the
     * range method are the divide step and get none.
     */
    @Test
    void generate_entryCallIntoTheRecursion_isOfferedWholeJobSiblings_theRecursiveCallsAreNot() throws Exception {
        byte[] original = Specimen.bytes(Delegating.class);
        List<Variant> vs = variants(Delegating.class, "quickSort", "([I)V", only(List.of(AlgorithmChoice.NAME), 1));
        List<Variant> whole = vs.stream().filter(v -> v.transforms().get(0).params().get("method") == 0).toList();
        assertEquals(2, whole.size(), "insertionSort and selectionSort for the whole array: " + vs);
        assertEquals(3, vs.size(), "and nothing for the range method's own recursive calls: " + vs);
        for (Variant v : whole) {
            List<String> called = calls(v.classBytes(), "quickSort", "([I)V");
            assertFalse(called.contains("quickSort$unit$1"), v + " " + called);
            assertTrue(called.contains("insertionSort") || called.contains("selectionSort"), v + " " + called);
            assertEquals(List.of("quickSort([I)V"), ChangedMethods.of(original, v.classBytes()));
        }
        assertConforms(Delegating.class, whole);
    }

    /* A cut-off tuned in the range method, then the entry's call moved to a sibling: the cut-off is dead code, and the
     * composition runs exactly what the sibling alone runs. Kept once per sibling, whichever came first. */
    @Test
    void generate_editsTheEntryNoLongerReaches_areDuplicatesOfTheVariantWithout() throws Exception {
        List<Variant> vs = variants(Delegating.class, "quickSort", "([I)V",
                only(List.of(TuneConstant.NAME, AlgorithmChoice.NAME), 2));
        Map<String, Long> bySibling = vs.stream().map(v -> calls(v.classBytes(), "quickSort", "([I)V"))
                .filter(c -> !c.contains("quickSort$unit$1")).collect(java.util.stream.Collectors.groupingBy(
                        c -> String.join(",", c), java.util.stream.Collectors.counting()));
        assertEquals(Map.of("insertionSort", 1L, "selectionSort", 1L), bySibling, vs.toString());
        assertTrue(vs.stream().anyMatch(v -> v.transforms().size() == 2 && v.transforms().get(0).transform().equals(TuneConstant.NAME)),
                "cut-offs still compose with what the entry runs: " + vs);
        assertConforms(Delegating.class, vs);
    }

    /* Whichever came first, a whole-job variant is named by what it runs: the sibling alone, on the original (a
     * cut-off tuned first in the range copy is dead code once the entry calls the sibling, and once named the recipe). */
    @Test
    void generate_wholeJobSiblingAfterADeadEdit_isNamedAsTheSiblingAloneOnTheOriginal() throws Exception {
        for (Policy p : List.of(only(List.of(TuneConstant.NAME, AlgorithmChoice.NAME), 2),
                only(List.of(TuneConstant.NAME, AlgorithmChoice.NAME), 3), Policy.defaults())) {
            List<Variant> vs = variants(Delegating.class, "quickSort", "([I)V", p);
            List<Variant> whole = vs.stream().filter(v -> !calls(v.classBytes(), "quickSort", "([I)V").contains("quickSort$unit$1")
                    && !calls(v.classBytes(), "quickSort", "([I)V").contains("quickSort")).toList();
            assertFalse(whole.isEmpty(), "a whole-job sibling: " + vs);
            for (Variant v : whole) {
                assertEquals(List.of(AlgorithmChoice.NAME), v.transforms().stream().map(s -> s.transform()).toList(),
                        v + " under " + p);
                assertEquals(Variant.ORIGINAL_ID, v.parent(), v + " under " + p);
            }
        }
    }

    @Test
    void generate_defaultPolicyOnDelegatingEntry_everyVariantKeepsTheEntrysBehaviour() throws Exception {
        Generator g = generator(Policy.defaults());
        List<Variant> vs = g.generate("quickSort", "([I)V", Specimen.bytes(Delegating.class));
        assertTrue(vs.stream().anyMatch(v -> v.transforms().size() > 1
                && v.transforms().stream().anyMatch(s -> s.transform().equals(AlgorithmChoice.NAME))
                && v.transforms().stream().anyMatch(s -> s.transform().equals(TuneConstant.NAME))),
                "an algorithm choice composed with a cut-off: " + vs);
        assertEquals(List.of("quickSort([I)V", "quickSort([III)V", "selectionSort([III)V", "med3([IIII)I", "swap([III)V",
                "swap([IIII)V"), g.unit());
        assertConforms(Delegating.class, vs);
    }

    @Test
    void generate_finalInstanceCallee_isCopiedPrivateAndCalledWithInvokespecial() throws Exception {
        Class<?> c = dev.selftune.generate.specimens.Windows.class;
        List<Variant> vs = variants(c, "count", "([I)I", only(List.of("unroll"), 1));
        assertFalse(vs.isEmpty(), "the final callee's loop is unrolled");
        Method mo = c.getMethod("count", int[].class);
        Object ro = Specimen.receiver(mo, Specimen.load(c.getName(), Specimen.bytes(c)));
        Method original = ro.getClass().getMethod("count", int[].class);
        for (Variant v : vs) {
            assertEquals("", Specimen.check(v.classBytes()), v.toString());
            MethodInsnNode call = (MethodInsnNode) java.util.Arrays.stream(TunedMethods.find(ClassBytes.read(v.classBytes()),
                    "count", "([I)I").instructions.toArray()).filter(n -> n instanceof MethodInsnNode).findFirst().orElseThrow();
            assertEquals(Opcodes.INVOKESPECIAL, call.getOpcode(), v.toString());
            assertEquals("countFrom$unit$1", call.name);
            Class<?> loaded = Specimen.load(c.getName(), v.classBytes());
            Method mv = loaded.getMethod("count", int[].class);
            Object rv = Specimen.receiver(mv, loaded);
            Random r = new Random(5);
            for (int t = 0; t < 100; t++) {
                Object[] args = Specimen.args(new Class<?>[] {int[].class}, r, t, false);
                assertTrue(Specimen.run(original, ro, args).sameAs(Specimen.run(mv, rv, args), 0), v.toString());
            }
        }
    }

    @Test
    void notApplied_unitOfSeveralMethods_namesTheMethodEachReasonIsAbout() {
        Generator g = generator(Policy.defaults());
        g.generate("quickSort", "([I)V", Specimen.bytes(Delegating.class));
        String why = g.notApplied().get("interchange");
        assertTrue(why.contains("quickSort([III)V") && why.contains("selectionSort"), why);
        Generator capped = generator(new Policy(List.of("unroll", TuneConstant.NAME), Policy.defaults().ranges(), 1, 1, 1, 0.5));
        capped.generate("quickSort", "([I)V", Specimen.bytes(Delegating.class));
        String unreached = capped.notApplied().get(TuneConstant.NAME);
        assertTrue(unreached.contains("candidate(s) for quickSort([III)V, none became a variant"), unreached);
        Generator none = generator(only(List.of(AlgorithmChoice.NAME), 1));
        none.generate("chain", "([I)I", Specimen.bytes(DelegatingPlanted.class));
        String choice = none.notApplied().get(AlgorithmChoice.NAME);
        assertTrue(choice.contains("level1") && choice.contains("no last camel-case word"), choice);
    }

    /** Every variant's entry behaves like the original's on seeded arrays (edge lengths, then random, some past 128). */
    static void assertConforms(Class<?> c, List<Variant> vs) throws Exception {
        Method mo = Specimen.load(c.getName(), Specimen.bytes(c)).getMethod(entry(c), int[].class);
        for (Variant v : vs) {
            Method mv = Specimen.load(c.getName(), v.classBytes()).getMethod(entry(c), int[].class);
            Random r = new Random(11);
            for (int t = 0; t < 300; t++) {
                Object[] args = Specimen.args(new Class<?>[] {int[].class}, r, t, false);
                if (t % 10 == 0) {
                    args[0] = new Random(t).ints(200 + t, 0, t % 20 == 0 ? 8 : 1000).toArray();
                }
                Specimen.Outcome want = Specimen.run(mo, args);
                Specimen.Outcome got = Specimen.run(mv, args);
                assertTrue(want.sameAs(got, 0), v + " differs on " + Specimen.describe(args));
            }
        }
    }

    private static String entry(Class<?> c) {
        return c == Delegating.class ? "quickSort" : "sort";
    }
}
