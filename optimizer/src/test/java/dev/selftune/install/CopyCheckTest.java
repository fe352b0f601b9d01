package dev.selftune.install;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;

class CopyCheckTest {
    static final String HOST = "p/Host";
    static final String COPY = HOST + NestmateCopy.SUFFIX;

    /* host: int twice(int x) { return helper(x) + helper(x); }  private int helper(int x) { return x > 0 ? x : -x; } */
    static ClassNode host() {
        ClassNode cn = new ClassNode();
        cn.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, HOST, null, "java/lang/Object", null);
        MethodVisitor mv = cn.visitMethod(Opcodes.ACC_PUBLIC, "twice", "(I)I", null, null);
        body(mv, Opcodes.INVOKESPECIAL, HOST, "(I)I", 1);
        helper(cn.visitMethod(Opcodes.ACC_PRIVATE, "helper", "(I)I", null, null), 1, 0);
        return cn;
    }

    /* the copy as NestmateCopy emits it: both static, receiver first, the helper called on the copy */
    static byte[] copy(int sign) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC, COPY, null, "java/lang/Object", null);
        body(cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, "twice", "(L" + HOST + ";I)I", null, null),
                Opcodes.INVOKESTATIC, COPY, "(L" + HOST + ";I)I", 1);
        helper(cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, "helper", "(L" + HOST + ";I)I", null, null), 1, sign);
        cw.visitEnd();
        return cw.toByteArray();
    }

    static void body(MethodVisitor mv, int invoke, String owner, String desc, int x) {
        mv.visitCode();
        for (int k = 0; k < 2; k++) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(Opcodes.ILOAD, x);
            mv.visitMethodInsn(invoke, owner, "helper", desc, false);
        }
        mv.visitInsn(Opcodes.IADD);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    static void helper(MethodVisitor mv, int x, int tamper) {
        mv.visitCode();
        Label neg = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, x);
        mv.visitJumpInsn(tamper == 0 ? Opcodes.IFLE : Opcodes.IFLT, neg);
        mv.visitVarInsn(Opcodes.ILOAD, x);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitLabel(neg);
        mv.visitVarInsn(Opcodes.ILOAD, x);
        mv.visitInsn(Opcodes.INEG);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    @Test
    void require_copyWithDocumentedRenamingOnly_passes() {
        assertDoesNotThrow(() -> CopyCheck.require(host(), copy(0), "p.Host#twice"));
    }

    @Test
    void require_copyWithChangedInstruction_throwsNamingTheMethodAndInstruction() {
        InstallException e = assertThrows(InstallException.class, () -> CopyCheck.require(host(), copy(1), "p.Host#twice"));
        assertTrue(e.getMessage().contains("helper") && e.getMessage().contains("not the verified body")
                && e.getMessage().contains("instruction 1"), e.getMessage());
    }
}
