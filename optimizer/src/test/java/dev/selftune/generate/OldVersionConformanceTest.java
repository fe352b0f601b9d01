package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Variant;
import dev.selftune.generate.nestspecimens.Nests;
import dev.selftune.target.ClassVersion;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * The conformance suite on the same specimens written as Java 1.4 class files (no frames): every
 * transform × every specimen method keeps behaviour, and every variant stays a 48 class file.
 */
class OldVersionConformanceTest {
    private static final int OLD = Opcodes.V1_4;

    /*
     * The specimen's bytes at version 48 without frames. A method that needs a newer instruction
     * (javac 9+ concatenates strings with invokedynamic) gets a body that throws instead, and its
     * name is added to {@code stubbed} so the suite skips it.
     */
    static byte[] downgraded(Class<?> c, Set<String> stubbed) {
        ClassNode cn = new ClassNode();
        new ClassReader(Specimen.bytes(c)).accept(cn, ClassReader.SKIP_FRAMES);
        cn.version = OLD;
        for (MethodNode m : cn.methods) {
            if (ClassVersion.needed(m).major() > OLD) {
                stubbed.add(m.name);
                m.instructions.clear();
                m.tryCatchBlocks.clear();
                m.localVariables = null;
                m.instructions.add(new TypeInsnNode(Opcodes.NEW, "java/lang/UnsupportedOperationException"));
                m.instructions.add(new InsnNode(Opcodes.DUP));
                m.instructions.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, "java/lang/UnsupportedOperationException",
                        "<init>", "()V", false));
                m.instructions.add(new InsnNode(Opcodes.ATHROW));
            }
        }
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cn.accept(cw);
        return cw.toByteArray();
    }

    @Test
    void allTransforms_specimensAsJava14ClassFiles_keepBehaviourAndVersion() {
        List<Class<?>> specimens = new ArrayList<>(TransformConformanceTest.SPECIMENS);
        specimens.add(Nests.class);
        TransformConformanceTest suite = new TransformConformanceTest();
        Policy p = Policy.defaults();
        Generator g = new Generator(p, TransformContext.exact(p), ClassBytes.resourcesOf(getClass().getClassLoader()));
        List<String> failures = new ArrayList<>();
        int methods = 0;
        int variants = 0;
        Set<String> stubbed = new TreeSet<>();
        for (Class<?> c : specimens) {
            byte[] old = downgraded(c, stubbed);
            for (Method m : Specimen.publicMethods(c)) {
                if (stubbed.contains(m.getName())) {
                    continue;
                }
                methods++;
                for (Variant v : g.generate(m.getName(), Type.getMethodDescriptor(m), old)) {
                    variants++;
                    if (ClassVersion.major(v.classBytes()) != 48) {
                        failures.add(m.getName() + " " + v + ": written as " + ClassVersion.major(v.classBytes()));
                    }
                    /* As in TransformConformanceTest: a proposal (a tuned constant, another algorithm) may change what a method computes. */
                    boolean exact = v.transforms().stream().allMatch(s -> Transforms.byName(s.transform()).orElseThrow().exact());
                    String f = exact ? suite.conform(c, m, v, 0, false) : Specimen.check(v.classBytes());
                    if (f != null && !f.isEmpty()) {
                        failures.add(f);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(Set.of("checkedMatmul", "sort"), stubbed, "methods that need a newer class file");
        assertTrue(methods >= 20, "specimen methods tuned as Java 1.4: " + methods);
        assertTrue(variants >= 40, "variants of the Java 1.4 specimens: " + variants);
    }
}
