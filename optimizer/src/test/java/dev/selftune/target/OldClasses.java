package dev.selftune.target;

import dev.selftune.generate.ClassBytes;
import dev.selftune.generate.TunedMethods;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;

/**
 * Class files as old compilers wrote them, built with ASM at any version and without frames:
 * {@code old.Kernels} with a try/finally compiled to a JSR/RET subroutine (javac before 1.4.2)
 * around a loop, and a plain summing loop with its test at the bottom (old javac's loop shape).
 */
public final class OldClasses {
    public static final String NAME = "old.Kernels";
    public static final String INTERNAL = "old/Kernels";

    private static final int[][] ROWS = {{}, {5}, {1, 2, 3, 4, 5, 6, 7}, {-3, 9, 27, 81, 243, 729, -1, 0, 4, 4, 4}};

    private OldClasses() { }

    /** {@code old.Kernels} at {@code version} ({@code Opcodes.V1_1} .. {@code V1_6}), no frames. */
    public static byte[] kernels(int version) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, INTERNAL, null, "java/lang/Object", null);
        cw.visitSource("Kernels.java", null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        sumFinally(cw);
        sum(cw);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * {@code original} rewritten by {@link ClassBytes#writeChanged} with {@code sum} starting with
     * {@code before} (a stack-neutral sequence), as a transform would write it.
     */
    public static byte[] withSumPrefix(byte[] original, AbstractInsnNode... before) {
        ClassNode cn = ClassBytes.read(original);
        InsnList pre = new InsnList();
        for (AbstractInsnNode n : before) {
            pre.add(n);
        }
        TunedMethods.find(cn, "sum", "([I)J").instructions.insert(pre);
        return ClassBytes.writeChanged(original, cn, Set.of("sum([I)J"), ClassBytes.resourcesOf(null));
    }

    /** A string concatenation by invokedynamic, its result dropped: needs class-file version 51. */
    public static AbstractInsnNode[] invokedynamic() {
        Handle bsm = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/StringConcatFactory", "makeConcatWithConstants",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                        + "Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;", false);
        return new AbstractInsnNode[] {new InsnNode(Opcodes.ICONST_1),
            new InvokeDynamicInsnNode("makeConcatWithConstants", "(I)Ljava/lang/String;", bsm, "n=\u0001"),
            new InsnNode(Opcodes.POP)};
    }

    /** A class literal loaded and dropped: needs class-file version 49. */
    public static AbstractInsnNode[] classLiteral() {
        return new AbstractInsnNode[] {new LdcInsnNode(Type.getObjectType(INTERNAL)), new InsnNode(Opcodes.POP)};
    }

    /** Writes {@code bytes} as {@code old/Kernels.class} under {@code dir}; returns {@code dir}. */
    public static Path write(Path dir, byte[] bytes) {
        try {
            Path file = dir.resolve(INTERNAL + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What {@code sumFinally} and {@code sum} of {@code bytes} (defined in a fresh loader over
     * {@code classpath}) do on a few rows and on null: result, the array after, or the exception.
     */
    public static List<String> outcomes(List<Path> classpath, byte[] bytes) throws Exception {
        List<String> out = new ArrayList<>();
        try (TargetClassLoader l = new TargetClassLoader(classpath, NAME, bytes)) {
            Class<?> c = l.targetClass();
            for (String name : List.of("sumFinally", "sum")) {
                Method m = c.getMethod(name, int[].class);
                for (int[] row : ROWS) {
                    int[] a = row.clone();
                    out.add(name + " " + m.invoke(null, (Object) a) + " " + Arrays.toString(a));
                }
                try {
                    out.add(name + " null: returned " + m.invoke(null, (Object) null));
                } catch (InvocationTargetException e) {
                    out.add(name + " null: " + e.getCause().getClass().getName());
                }
            }
        }
        return out;
    }

    /** What {@code sumFinally}: the sum of {@code a}, then (finally) {@code a[0]++} when a is not empty. */
    public static int sumFinallyExpected(int[] a) {
        int s = 0;
        try {
            for (int v : a) {
                s += v;
            }
            return s;
        } finally {
            if (a.length != 0) {
                a[0]++;
            }
        }
    }

    /*
     * static int sumFinally(int[] a) { int s = 0; try { for (i...) s += a[i]; return s; }
     *                                  finally { if (a.length != 0) a[0]++; } }
     * compiled as javac 1.1 did: the finally body is a subroutine entered by JSR from the normal
     * exit and from the catch-all handler, left by RET through a return address in local 5.
     */
    private static void sumFinally(ClassWriter cw) {
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "sumFinally", "([I)I", null, null);
        Label tryStart = new Label();
        Label tryEnd = new Label();
        Label handler = new Label();
        Label body = new Label();
        Label cond = new Label();
        Label fin = new Label();
        Label skip = new Label();
        m.visitCode();
        m.visitTryCatchBlock(tryStart, tryEnd, handler, null);
        m.visitInsn(Opcodes.ICONST_0);
        m.visitVarInsn(Opcodes.ISTORE, 1);
        m.visitLabel(tryStart);
        m.visitInsn(Opcodes.ICONST_0);
        m.visitVarInsn(Opcodes.ISTORE, 2);
        m.visitJumpInsn(Opcodes.GOTO, cond);
        m.visitLabel(body);
        m.visitVarInsn(Opcodes.ILOAD, 1);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitVarInsn(Opcodes.ILOAD, 2);
        m.visitInsn(Opcodes.IALOAD);
        m.visitInsn(Opcodes.IADD);
        m.visitVarInsn(Opcodes.ISTORE, 1);
        m.visitIincInsn(2, 1);
        m.visitLabel(cond);
        m.visitVarInsn(Opcodes.ILOAD, 2);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitInsn(Opcodes.ARRAYLENGTH);
        m.visitJumpInsn(Opcodes.IF_ICMPLT, body);
        m.visitVarInsn(Opcodes.ILOAD, 1);
        m.visitVarInsn(Opcodes.ISTORE, 3);
        m.visitLabel(tryEnd);
        m.visitJumpInsn(Opcodes.JSR, fin);
        m.visitVarInsn(Opcodes.ILOAD, 3);
        m.visitInsn(Opcodes.IRETURN);
        m.visitLabel(handler);
        m.visitVarInsn(Opcodes.ASTORE, 4);
        m.visitJumpInsn(Opcodes.JSR, fin);
        m.visitVarInsn(Opcodes.ALOAD, 4);
        m.visitInsn(Opcodes.ATHROW);
        m.visitLabel(fin);
        m.visitVarInsn(Opcodes.ASTORE, 5);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitInsn(Opcodes.ARRAYLENGTH);
        m.visitJumpInsn(Opcodes.IFEQ, skip);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitInsn(Opcodes.ICONST_0);
        m.visitInsn(Opcodes.DUP2);
        m.visitInsn(Opcodes.IALOAD);
        m.visitInsn(Opcodes.ICONST_1);
        m.visitInsn(Opcodes.IADD);
        m.visitInsn(Opcodes.IASTORE);
        m.visitLabel(skip);
        m.visitVarInsn(Opcodes.RET, 5);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /* static long sum(int[] a) { long s = 0; for (int i = 0; i < a.length; i++) s += a[i]; return s; } */
    private static void sum(ClassWriter cw) {
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "sum", "([I)J", null, null);
        Label body = new Label();
        Label cond = new Label();
        m.visitCode();
        m.visitInsn(Opcodes.LCONST_0);
        m.visitVarInsn(Opcodes.LSTORE, 1);
        m.visitInsn(Opcodes.ICONST_0);
        m.visitVarInsn(Opcodes.ISTORE, 3);
        m.visitJumpInsn(Opcodes.GOTO, cond);
        m.visitLabel(body);
        m.visitVarInsn(Opcodes.LLOAD, 1);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitVarInsn(Opcodes.ILOAD, 3);
        m.visitInsn(Opcodes.IALOAD);
        m.visitInsn(Opcodes.I2L);
        m.visitInsn(Opcodes.LADD);
        m.visitVarInsn(Opcodes.LSTORE, 1);
        m.visitIincInsn(3, 1);
        m.visitLabel(cond);
        m.visitVarInsn(Opcodes.ILOAD, 3);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitInsn(Opcodes.ARRAYLENGTH);
        m.visitJumpInsn(Opcodes.IF_ICMPLT, body);
        m.visitVarInsn(Opcodes.LLOAD, 1);
        m.visitInsn(Opcodes.LRETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }
}
