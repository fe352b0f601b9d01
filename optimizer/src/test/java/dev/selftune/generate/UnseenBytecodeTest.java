package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.SimpleVerifier;
import org.objectweb.asm.util.CheckClassAdapter;
import dev.selftune.api.Step;
import dev.selftune.api.Variant;

/** The generator on bytecode it was not written against (JDK classes): no crash, every variant verifies. */
class UnseenBytecodeTest {
    private static final List<String> CLASSES = List.of("java/util/Arrays", "java/lang/StringLatin1",
            "java/util/ArrayList", "java/math/BigInteger", "java/util/HashMap", "java/lang/Integer");

    static byte[] jdk(String internalName) {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void generator_jdkMethodsWithLoops_variantsVerify() throws Exception {
        Policy d = Policy.defaults();
        Policy p = new Policy(d.transforms(), d.ranges(), 2, 3, 1, 0.5);
        Generator g = new Generator(p, TransformContext.exact(p), ClassBytes.resourcesOf(null));
        List<String> failures = new ArrayList<>();
        int variants = 0;
        for (String cls : CLASSES) {
            byte[] bytes = jdk(cls);
            int tried = 0;
            for (MethodNode m : ClassBytes.read(bytes).methods) {
                if (tried >= 6 || !TunedMethods.hasBody(m) || CountedLoops.find(m).isEmpty()) {
                    continue;
                }
                tried++;
                List<MethodNode> tuned = TunedMethods.of(ClassBytes.read(bytes), m);
                for (Variant v : g.generate(m.name, m.desc, bytes)) {
                    variants++;
                    String f = verify(v, tuned);
                    if (f != null) {
                        failures.add(cls + "." + m.name + m.desc + " " + v + ": " + f);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(variants >= 30, "variants generated: " + variants);
    }

    @Test
    void splitAccumulators_jdkPolynomialHashes_offerHorner() {
        for (String[] m : new String[][] {{"java/util/Arrays", "hashCode", "([I)I"},
                {"java/lang/StringLatin1", "hashCode", "([B)I"}}) {
            ClassNode cn = ClassBytes.read(jdk(m[0]));
            MethodNode mn = TunedMethods.find(cn, m[1], m[2]);
            List<Map<String, Integer>> offers = Transforms.byName("split-accumulators").orElseThrow()
                    .candidates(cn, mn, TransformContext.exact(Policy.defaults()));
            assertFalse(offers.isEmpty(), String.join(".", m));
            assertEquals(1, offers.get(0).get("horner"), String.join(".", m));
        }
    }

    private static String verify(Variant v, List<MethodNode> tuned) {
        try {
            new ClassReader(v.classBytes()).accept(new CheckClassAdapter(new ClassWriter(0)), 0);
            ClassNode cn = ClassBytes.read(v.classBytes());
            for (Step s : v.transforms()) {
                MethodNode t = tuned.get(s.params().get("method"));
                MethodNode m = TunedMethods.find(cn, t.name, t.desc);
                {
                    SimpleVerifier sv = new SimpleVerifier(Type.getObjectType(cn.name),
                            cn.superName == null ? null : Type.getObjectType(cn.superName), false);
                    sv.setClassLoader(ClassLoader.getSystemClassLoader());
                    new Analyzer<>(sv).analyze(cn.name, m);
                }
            }
            return null;
        } catch (Exception | LinkageError e) {
            return e.toString();
        }
    }
}
