package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Variant;
import dev.selftune.generate.specimens.DerivedIndices;
import dev.selftune.generate.transform.LinearIndex;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/** linear-index: a derived index is read as base + c*i, with the same values, exceptions and arrays as the original. */
class LinearIndexTest {

    private static Generator generator(List<String> transforms, int depth) {
        Policy p = new Policy(transforms, Policy.defaults().ranges(), depth, 24, 1, 0.5);
        return new Generator(p, TransformContext.exact(p), ClassBytes.resourcesOf(LinearIndexTest.class.getClassLoader()));
    }

    private static List<Variant> linear(String name) {
        return generator(List.of(LinearIndex.NAME), 1).generate(name, null, Specimen.bytes(DerivedIndices.class));
    }

    private static MethodNode method(byte[] bytes, String name) {
        ClassNode cn = new ClassNode();
        new ClassReader(bytes).accept(cn, 0);
        return cn.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    private static void sameBehaviour(Variant v, String name, Random r) {
        assertEquals("", Specimen.check(v.classBytes()));
        Method orig = Arrays.stream(DerivedIndices.class.getMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
        Method tuned = Arrays.stream(Specimen.load(DerivedIndices.class.getName(), v.classBytes()).getMethods())
                .filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
        for (int t = 0; t < 600; t++) {
            int len = r.nextInt(40);
            int[] a = r.ints(len, -1000, 1000).toArray();
            Object[] args = switch (name) {
                case "axpyUnit" -> new Object[] {r.nextInt(len + 3) - 1, r.nextInt(9) - 4, a, r.nextInt(6) - 1,
                        r.ints(r.nextInt(40), -1000, 1000).toArray(), r.nextInt(6) - 1};
                default -> new Object[] {a, r.nextInt(len + 2) - 1, r.nextInt(len / 2 + 3) - 1};
            };
            assertTrue(Specimen.run(orig, args).sameAs(Specimen.run(tuned, args), 0), name + " " + Specimen.describe(args));
        }
    }

    /* Reads of local slot in the method (loads, not the update). */
    private static long loads(byte[] bytes, String name, int slot) {
        return Arrays.stream(method(bytes, name).instructions.toArray())
                .filter(n -> n instanceof VarInsnNode v && v.var == slot && v.getOpcode() == Opcodes.ILOAD).count();
    }

    @Test
    void axpyUnit_bothIndicesReadAsBasePlusCounter() {
        List<Variant> vs = linear("axpyUnit");
        assertEquals(1, vs.size());
        int locals = method(Specimen.bytes(DerivedIndices.class), "axpyUnit").maxLocals;
        byte[] b = vs.get(0).classBytes();
        assertEquals(1, loads(b, "axpyUnit", 6), "ix is read only on entry, to take its base");
        assertEquals(1, loads(b, "axpyUnit", 7), "iy likewise");
        assertEquals(2, loads(b, "axpyUnit", locals) + loads(b, "axpyUnit", locals + 1), "each base is read once in the body");
        sameBehaviour(vs.get(0), "axpyUnit", new Random(1));
    }

    @Test
    void mixed_readsBeforeAndAfterTheUpdate_stepsOfThreeAndMinusTwo_sameResults() {
        List<Variant> vs = linear("mixed");
        assertEquals(1, vs.size());
        sameBehaviour(vs.get(0), "mixed", new Random(2));
    }

    @Test
    void whileMiddle_counterSteppedMidBody_sameResults() {
        List<Variant> vs = linear("whileMiddle");
        assertEquals(1, vs.size());
        sameBehaviour(vs.get(0), "whileMiddle", new Random(3));
    }

    @Test
    void branchyBody_isRefusedWithTheReason() {
        Generator g = generator(List.of(LinearIndex.NAME), 1);
        assertEquals(List.of(), g.generate("range", null, Specimen.bytes(dev.selftune.generate.specimens.Selects.class)));
        String why = g.notApplied().get(LinearIndex.NAME);
        assertTrue(why.contains("steps no other int local"), why);
    }
}
