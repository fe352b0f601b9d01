package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Decision;
import dev.selftune.api.Measurement;
import dev.selftune.api.MethodRef;
import dev.selftune.api.Selftune;
import dev.selftune.api.Speedup;
import dev.selftune.api.TuneResult;
import dev.selftune.api.Variant;
import dev.selftune.api.VariantResult;
import dev.selftune.api.Verdict;
import dev.selftune.generate.ClassBytes;
import dev.selftune.generate.Generator;
import dev.selftune.generate.Policy;
import dev.selftune.generate.TransformContext;
import dev.selftune.inputs.InputSource;
import dev.selftune.target.ClassVersion;
import dev.selftune.target.OldClasses;
import dev.selftune.target.Target;
import dev.selftune.target.TargetClassLoader;
import dev.selftune.target.TargetLoader;
import dev.selftune.util.Json;
import dev.selftune.verify.BytecodeCheck;
import dev.selftune.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Tune's own path without JMH (load, profile, generate, verify, load the variant) on class files of
 * Java 1.1 to 6 with JSR/RET subroutines and no frames, and on a published Java 1.1 library.
 */
class OldClassPipelineTest {
    @TempDir
    Path dir;

    /** The variants the real pipeline keeps for {@code spec}, each asserted to pass verification. */
    static List<Variant> verifiedVariants(List<Path> classpath, String spec, int... sizes) throws Exception {
        Target t = TargetLoader.load(classpath, MethodRef.parse(spec));
        Verifier verifier = new Verifier(t, new InputSource(7, sizes, null, null), null);
        verifier.profile();
        Policy p = Policy.defaults();
        List<Variant> vs;
        try (TargetClassLoader resources = new TargetClassLoader(classpath, t.method().owner(), t.classBytes())) {
            vs = new Generator(p, TransformContext.exact(p), ClassBytes.resourcesOf(resources)).generate(t);
        }
        assertFalse(vs.isEmpty(), "no variant of " + spec);
        for (Variant v : vs) {
            Verdict verdict = verifier.verify(v);
            assertTrue(verdict.passed(), spec + " " + v + ": " + verdict);
            assertTrue(verdict.inputsChecked() > 0, spec + " " + v + " checked no input");
        }
        return vs;
    }

    @ParameterizedTest
    @ValueSource(ints = {Opcodes.V1_1, Opcodes.V1_4, Opcodes.V1_5, Opcodes.V1_6})
    void pipeline_oldClassWithSubroutines_variantsVerifyKeepVersionAndBehave(int version) throws Exception {
        byte[] original = OldClasses.kernels(version);
        List<Path> cp = List.of(OldClasses.write(dir, original));
        int[] a = {1, 2, 3, 4};
        int[] expected = a.clone();
        try (TargetClassLoader l = new TargetClassLoader(cp, OldClasses.NAME, original)) {
            assertEquals(OldClasses.sumFinallyExpected(expected), l.targetClass().getMethod("sumFinally", int[].class).invoke(null, (Object) a));
        }
        assertArrayEquals(expected, a, "the finally subroutine ran once");
        for (String method : List.of("sumFinally", "sum")) {
            for (Variant v : verifiedVariants(cp, OldClasses.NAME + "#" + method, 16, 1024)) {
                assertEquals(version & 0xFFFF, ClassVersion.major(v.classBytes()), v.toString());
                assertNull(ClassVersion.raiseReason(original, v.classBytes()), v.toString());
                ClassNode cn = new ClassNode();
                new ClassReader(v.classBytes()).accept(cn, 0);
                for (MethodNode m : cn.methods) {
                    boolean changed = m.name.equals(method);
                    boolean hadJsr = m.name.equals("sumFinally");
                    assertEquals(hadJsr && !changed, ClassVersion.hasSubroutines(m),
                            v + " " + m.name + ": only untouched methods keep their subroutines");
                }
                assertSameBehaviour(cp, original, v.classBytes());
            }
        }
    }

    @Test
    void pipeline_java11ClassWithJsrTunedInFinally_variantHasNoSubroutineAndNoFrames() throws Exception {
        byte[] original = OldClasses.kernels(Opcodes.V1_1);
        List<Path> cp = List.of(OldClasses.write(dir, original));
        List<Variant> vs = verifiedVariants(cp, OldClasses.NAME + "#sumFinally", 16, 1024);
        Set<String> transforms = new TreeSet<>();
        for (Variant v : vs) {
            v.transforms().forEach(s -> transforms.add(s.transform()));
            assertEquals(3, ClassVersion.minor(v.classBytes()), "45.3 stays 45.3");
            assertFalse(new String(v.classBytes(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("StackMap"),
                    v + " carries a frames attribute, which a 45 class file does not use");
        }
        assertTrue(transforms.contains("unroll"), "transforms applied: " + transforms);
    }

    /* No API seam runs tune without forked JMH: the verified variant is made the winner by hand and written through the API. */
    @Test
    @SuppressWarnings("unchecked")
    void write_java11WinnerWithSubroutinesTuned_reportAndWinnerClassLoadAndBehave() throws Exception {
        byte[] original = OldClasses.kernels(Opcodes.V1_1);
        List<Path> cp = List.of(OldClasses.write(dir.resolve("cp"), original));
        Variant winner = verifiedVariants(cp, OldClasses.NAME + "#sumFinally", 16, 1024).get(0);
        Measurement ms = new Measurement(10, 0.1, "ns/op", 1, 1, new double[] {10});
        TuneResult r = new TuneResult(MethodRef.parse(OldClasses.NAME + "#sumFinally([I)I"), "17", "vendor", "cpu", 7, 60, 1, ms,
                List.of(new VariantResult(winner, new Verdict.Passed(1), ms, null, "")),
                new Decision.Swap(winner, new Speedup(1.2, 1.1, 1.3), ms, ms), original);
        Path out = dir.resolve("out");
        Selftune.write(r, out, 1.05);

        Map<String, Object> v = (Map<String, Object>) Json.parseObject(Files.readString(out.resolve("report.json"))).get("classVersion");
        assertEquals(45, ((Number) v.get("original")).intValue());
        assertEquals(45, ((Number) v.get("written")).intValue());
        assertNull(v.get("reason"));
        byte[] written = Files.readAllBytes(out.resolve("winner/" + OldClasses.INTERNAL + ".class"));
        assertArrayEquals(winner.classBytes(), written);
        assertSameBehaviour(cp, original, written);
    }

    /* SciMark 2.0 (NIST, Maven Central) is compiled for Java 1.1: class files 45.3, loops in old javac's shape. */
    @Test
    void pipeline_scimarkSorExecute_loadsAndItsVariantsVerify() throws Exception {
        Path jar = Path.of(jnt.scimark2.SOR.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        byte[] original = TargetLoader.load(List.of(jar), MethodRef.parse("jnt.scimark2.SOR#execute(D[[DI)V")).classBytes();
        assertEquals(45, ClassVersion.major(original));
        List<Variant> vs = verifiedVariants(List.of(jar), "jnt.scimark2.SOR#execute(D[[DI)V", 16, 256);
        for (Variant v : vs) {
            assertEquals(45, ClassVersion.major(v.classBytes()), v.toString());
            double[][] a = grid(12);
            double[][] b = grid(12);
            jnt.scimark2.SOR.execute(1.25, a, 3);
            try (TargetClassLoader l = new TargetClassLoader(List.of(jar), "jnt.scimark2.SOR", v.classBytes())) {
                l.targetClass().getMethod("execute", double.class, double[][].class, int.class).invoke(null, 1.25, b, 3);
            }
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(a[i], b[i], 0.0, v + " row " + i);
            }
        }
    }

    /* Every method of every SciMark class: variants pass the static check and the JVM's verifier (linking verifies). */
    @Test
    void generate_everyScimarkMethod_variantsPassBytecodeCheckAndLink() throws Exception {
        Path jar = Path.of(jnt.scimark2.SOR.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Policy p = Policy.defaults();
        int variants = 0;
        List<String> failures = new ArrayList<>();
        try (JarFile jf = new JarFile(jar.toFile());
             TargetClassLoader resources = new TargetClassLoader(List.of(jar), "none", new byte[0])) {
            Generator g = new Generator(p, TransformContext.exact(p), ClassBytes.resourcesOf(resources));
            for (JarEntry e : java.util.Collections.list(jf.entries())) {
                if (!e.getName().startsWith("jnt/scimark2/") || !e.getName().endsWith(".class")) {
                    continue;
                }
                byte[] bytes = jf.getInputStream(e).readAllBytes();
                String name = e.getName().substring(0, e.getName().length() - 6).replace('/', '.');
                for (MethodNode m : ClassBytes.read(bytes).methods) {
                    for (Variant v : g.generate(m.name, m.desc, bytes)) {
                        variants++;
                        String bad = BytecodeCheck.check(v.classBytes(), resources);
                        try (TargetClassLoader l = new TargetClassLoader(List.of(jar), name, v.classBytes())) {
                            l.targetClass().getDeclaredMethods();
                        } catch (LinkageError le) {
                            bad = (bad == null ? "" : bad + "; ") + le;
                        }
                        if (bad != null) {
                            failures.add(name + "#" + m.name + m.desc + " " + v + ": " + bad);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(variants >= 20, "variants of SciMark: " + variants);
    }

    private static double[][] grid(int n) {
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g[i][j] = Math.sin(i * 31 + j);
            }
        }
        return g;
    }

    /** Original and variant, each in a fresh loader, on the same rows: same result, same array after, same exception. */
    static void assertSameBehaviour(List<Path> cp, byte[] original, byte[] variant) throws Exception {
        assertEquals(OldClasses.outcomes(cp, original), OldClasses.outcomes(cp, variant));
    }
}
