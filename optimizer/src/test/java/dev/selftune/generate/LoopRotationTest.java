package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import dev.selftune.api.Variant;

/** Bottom-tested loops (ECJ's shape), built with ASM, are rotated, transformed and keep behaviour. */
class LoopRotationTest {
    private static final String NAME = "dev.selftune.generate.gen.Bottom";

    /** {@code sum([I)I}, {@code hash(String)I} and {@code down([I)J}, each as "goto cond; body; iinc; cond: test body". */
    static byte[] bottomTested() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL, NAME.replace('.', '/'), null, "java/lang/Object", null);
        MethodVisitor mv = begin(cw, "sum", "([I)I");
        Label body = new Label();
        Label cond = new Label();
        mv.visitInsn(ICONST_0); mv.visitVarInsn(ISTORE, 1);
        mv.visitInsn(ICONST_0); mv.visitVarInsn(ISTORE, 2);
        mv.visitJumpInsn(GOTO, cond);
        mv.visitLabel(body);
        mv.visitVarInsn(ILOAD, 1); mv.visitVarInsn(ALOAD, 0); mv.visitVarInsn(ILOAD, 2); mv.visitInsn(IALOAD);
        mv.visitInsn(IADD); mv.visitVarInsn(ISTORE, 1);
        mv.visitIincInsn(2, 1);
        mv.visitLabel(cond);
        mv.visitVarInsn(ILOAD, 2); mv.visitVarInsn(ALOAD, 0); mv.visitInsn(ARRAYLENGTH);
        mv.visitJumpInsn(IF_ICMPLT, body);
        mv.visitVarInsn(ILOAD, 1); mv.visitInsn(IRETURN);
        end(mv);

        mv = begin(cw, "hash", "(Ljava/lang/String;)I");
        body = new Label();
        cond = new Label();
        mv.visitInsn(ICONST_0); mv.visitVarInsn(ISTORE, 1);
        mv.visitInsn(ICONST_0); mv.visitVarInsn(ISTORE, 2);
        mv.visitJumpInsn(GOTO, cond);
        mv.visitLabel(body);
        mv.visitIntInsn(BIPUSH, 31); mv.visitVarInsn(ILOAD, 1); mv.visitInsn(IMUL);
        mv.visitVarInsn(ALOAD, 0); mv.visitVarInsn(ILOAD, 2);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "charAt", "(I)C", false);
        mv.visitInsn(IADD); mv.visitVarInsn(ISTORE, 1);
        mv.visitIincInsn(2, 1);
        mv.visitLabel(cond);
        mv.visitVarInsn(ILOAD, 2); mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "length", "()I", false);
        mv.visitJumpInsn(IF_ICMPLT, body);
        mv.visitVarInsn(ILOAD, 1); mv.visitInsn(IRETURN);
        end(mv);

        mv = begin(cw, "down", "([I)J");
        body = new Label();
        cond = new Label();
        mv.visitInsn(LCONST_0); mv.visitVarInsn(LSTORE, 1);
        mv.visitVarInsn(ALOAD, 0); mv.visitInsn(ARRAYLENGTH); mv.visitInsn(ICONST_1); mv.visitInsn(ISUB);
        mv.visitVarInsn(ISTORE, 3);
        mv.visitJumpInsn(GOTO, cond);
        mv.visitLabel(body);
        mv.visitVarInsn(LLOAD, 1); mv.visitVarInsn(ALOAD, 0); mv.visitVarInsn(ILOAD, 3); mv.visitInsn(IALOAD);
        mv.visitVarInsn(ILOAD, 3); mv.visitInsn(IMUL); mv.visitInsn(I2L); mv.visitInsn(LADD); mv.visitVarInsn(LSTORE, 1);
        mv.visitIincInsn(3, -1);
        mv.visitLabel(cond);
        mv.visitVarInsn(ILOAD, 3);
        mv.visitJumpInsn(IFGE, body);
        mv.visitVarInsn(LLOAD, 1); mv.visitInsn(LRETURN);
        end(mv);
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static MethodVisitor begin(ClassWriter cw, String name, String desc) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, name, desc, null, null);
        mv.visitCode();
        return mv;
    }

    private static void end(MethodVisitor mv) {
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    @Test
    void canonical_bottomTestedLoops_becomeCountedLoops() {
        for (var m : ClassBytes.read(bottomTested()).methods) {
            if (!m.name.startsWith("<")) {
                assertEquals(List.of(), CountedLoops.find(m), m.name + " is bottom-tested as built");
                assertEquals(1, CountedLoops.find(LoopRotation.canonical(m)).size(), m.name);
            }
        }
    }

    @Test
    void generator_bottomTestedLoops_variantsKeepBehaviour() throws Exception {
        byte[] bytes = bottomTested();
        Policy d = Policy.defaults();
        Policy p = new Policy(List.of("split-accumulators", "unroll"), d.ranges(), 2, 30, 1, 0.5);
        Generator g = new Generator(p, TransformContext.exact(p), ClassBytes.resourcesOf(getClass().getClassLoader()));
        Class<?> original = Specimen.load(NAME, bytes);
        List<String> failures = new ArrayList<>();
        for (Method m : Specimen.publicStatics(original)) {
            List<Variant> vs = g.generate(m.getName(), org.objectweb.asm.Type.getMethodDescriptor(m), bytes);
            assertTrue(vs.size() >= 6, m.getName() + ": " + vs);
            assertTrue(vs.stream().anyMatch(v -> v.transforms().get(0).transform().equals("split-accumulators")), m.getName());
            for (Variant v : vs) {
                String complaints = Specimen.check(v.classBytes());
                if (!complaints.isEmpty()) {
                    failures.add(m.getName() + " " + v + ": " + complaints);
                    continue;
                }
                Method mv = Specimen.load(NAME, v.classBytes()).getMethod(m.getName(), m.getParameterTypes());
                Random r = new Random(7);
                for (int t = 0; t < 200; t++) {
                    Object[] args = Specimen.args(m.getParameterTypes(), r, t, false);
                    Specimen.Outcome want = Specimen.run(m, args);
                    Specimen.Outcome got = Specimen.run(mv, args);
                    if (!want.sameAs(got, 0)) {
                        failures.add(m.getName() + " " + v + " on " + Specimen.describe(args) + ": " + want + " vs " + got);
                        break;
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }
}
