package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Variant;
import dev.selftune.generate.imports.Facade;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** Static callees in other classes join the unit as private copies, when a copy means the same. */
class ImportsTest {
    private static final Policy UNROLL = new Policy(List.of("unroll"), Policy.defaults().ranges(), 1, 24, 1, 0.5);
    private static final String K = "dev/selftune/generate/imports/Kernels";

    private static Generator generator() {
        return new Generator(UNROLL, TransformContext.exact(UNROLL), ClassBytes.resourcesOf(ImportsTest.class.getClassLoader()));
    }

    private static Imports imports(String method) {
        ClassNode cn = ClassBytes.read(Specimen.bytes(Facade.class));
        return Imports.apply(cn, TunedMethods.find(cn, method, null), ClassBytes.resourcesOf(ImportsTest.class.getClassLoader()));
    }

    @Test
    void apply_publicKernel_copiedPrivateStaticAndTheCallRouted() {
        ClassNode cn = ClassBytes.read(Specimen.bytes(Facade.class));
        Imports im = Imports.apply(cn, TunedMethods.find(cn, "total", null), ClassBytes.resourcesOf(ImportsTest.class.getClassLoader()));
        assertEquals(Map.of(K + ".sum([III)J", "sum$import$1", K + ".count(I)J", "count$import$1"), im.imported());
        MethodNode copy = TunedMethods.find(cn, "sum$import$1", "([III)J");
        assertTrue((copy.access & org.objectweb.asm.Opcodes.ACC_PRIVATE) != 0 && (copy.access & org.objectweb.asm.Opcodes.ACC_STATIC) != 0);
        MethodNode total = TunedMethods.find(cn, "total", null);
        for (var n : total.instructions) {
            if (n instanceof MethodInsnNode c) {
                assertFalse(c.owner.equals(K), "every call to Kernels now goes to a copy: " + c.owner + "." + c.name);
            }
        }
    }

    @Test
    void apply_recursiveKernel_recursesIntoItsCopy() {
        ClassNode cn = ClassBytes.read(Specimen.bytes(Facade.class));
        Imports.apply(cn, TunedMethods.find(cn, "tri", null), ClassBytes.resourcesOf(ImportsTest.class.getClassLoader()));
        MethodNode copy = TunedMethods.find(cn, "triangle$import$1", "(I)J");
        boolean self = false;
        for (var n : copy.instructions) {
            self |= n instanceof MethodInsnNode c && c.name.equals("triangle$import$1") && c.owner.equals(cn.name);
            assertFalse(n instanceof MethodInsnNode c && c.owner.equals(K), "no call back to the original");
        }
        assertTrue(self);
    }

    @Test
    void apply_staticInitialiserPrivateFieldOrJdk_refusedWithReasonsAndLeftAlone() {
        Imports scaled = imports("scaled");
        assertTrue(scaled.imported().isEmpty());
        assertTrue(scaled.refused().get("dev/selftune/generate/imports/Tables.scaled([I)J").contains("static initialiser"),
                scaled.refused().toString());
        Imports secret = imports("secret");
        String why = secret.refused().get(K + ".secret()I");
        assertTrue(why.contains("Kernels.secretCount") && why.contains("not public"), why);
        Imports max = imports("max");
        assertTrue(max.imported().isEmpty() && max.refused().isEmpty(), "JDK code is neither copied nor listed: " + max.refused());
        assertTrue(imports("hidden").imported().containsKey("dev/selftune/generate/imports/HiddenKernels.sum([I)J"),
                "a package class's method that touches nothing of its class is copied");
    }

    @Test
    void generate_delegatingEntry_unrollsTheImportedLoopAndBehavesTheSame() throws Exception {
        Generator g = generator();
        List<Variant> vs = g.generate("total", null, Specimen.bytes(Facade.class));
        assertFalse(vs.isEmpty(), "before imports no loop was in reach: " + g.notApplied());
        assertTrue(g.unit().contains("sum$import$1([III)J"), g.unit().toString());
        assertEquals("sum$import$1", g.imported().get(K + ".sum([III)J"));
        Method original = Facade.class.getMethod("total", int[].class);
        Random r = new Random(5);
        for (Variant v : vs) {
            assertEquals("", Specimen.check(v.classBytes()), v.toString());
            Method m = Specimen.load(Facade.class.getName(), v.classBytes()).getMethod("total", int[].class);
            for (int t = 0; t < 200; t++) {
                int[] a = r.ints(r.nextInt(40), -1000, 1000).toArray();
                assertEquals(original.invoke(null, (Object) a), m.invoke(null, (Object) a), v + " on length " + a.length);
            }
        }
    }

    @Test
    void generate_refusedImport_isListedInSkipped() {
        Generator g = generator();
        g.generate("scaled", null, Specimen.bytes(Facade.class));
        String why = g.skipped().get("unit: dev.selftune.generate.imports.Tables.scaled([I)J");
        assertTrue(why != null && why.startsWith("not brought into the unit: ") && why.contains("static initialiser"), g.skipped().toString());
    }
}
