package dev.selftune.install;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

/**
 * Replaces a method's code with {@code return invokedynamic name(this?, args…)} bound through the
 * selftune bootstrap method to the method's call site; annotations and parameters pass through.
 */
final class TrampolineBody extends MethodVisitor {
    /*
     * Why invokedynamic: retransformation may not add fields or methods, so the call site cannot
     * sit in a new static final field; an indy call site is per-instruction state the JVM keeps
     * for us, linked once (JVMS 6.5 invokedynamic). Its MutableCallSite target is treated by C2 as a
     * constant with a dependency (ciCallSite / Dependencies::check_call_site_target_value), so the
     * trampoline plus target inline like a direct call: no steady-state cost, and setTarget
     * deoptimises exactly the dependents. The code is straight-line, so no StackMapTable is
     * needed; max stack and locals are computed here, leaving the rest of the class untouched.
     * The first original line number is kept, so stack traces still show Foo.bar(Foo.java:NN).
     */
    private final String owner;
    private final int access;
    private final String name;
    private final String descriptor;
    private final Handle bootstrap;
    private final String key;
    private int firstLine = -1;

    TrampolineBody(MethodVisitor mv, String owner, int access, String name, String descriptor, Handle bootstrap, String key) {
        super(Opcodes.ASM9, mv);
        this.owner = owner;
        this.access = access;
        this.name = name;
        this.descriptor = descriptor;
        this.bootstrap = bootstrap;
        this.key = key;
    }

    @Override
    public void visitEnd() {
        Label start = new Label();
        mv.visitLabel(start);
        if (firstLine > 0) {
            mv.visitLineNumber(firstLine, start);
        }
        int slot = 0;
        if ((access & Opcodes.ACC_STATIC) == 0) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            slot = 1;
        }
        for (Type arg : Type.getArgumentTypes(descriptor)) {
            mv.visitVarInsn(arg.getOpcode(Opcodes.ILOAD), slot);
            slot += arg.getSize();
        }
        Type ret = Type.getReturnType(descriptor);
        mv.visitInvokeDynamicInsn(name, NestmateCopy.staticDesc(owner, access, descriptor), bootstrap, key);
        mv.visitInsn(ret.getOpcode(Opcodes.IRETURN));
        mv.visitMaxs(Math.max(slot, ret.getSize()), slot);
        mv.visitEnd();
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        if (firstLine < 0) {
            firstLine = line;
        }
    }

    // Everything below belongs to the old body and is dropped.
    @Override public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) { }
    @Override public void visitInsn(int opcode) { }
    @Override public void visitIntInsn(int opcode, int operand) { }
    @Override public void visitVarInsn(int opcode, int varIndex) { }
    @Override public void visitTypeInsn(int opcode, String type) { }
    @Override public void visitFieldInsn(int opcode, String o, String n, String d) { }
    @Override public void visitMethodInsn(int opcode, String o, String n, String d, boolean itf) { }
    @Override public void visitInvokeDynamicInsn(String n, String d, Handle bsm, Object... args) { }
    @Override public void visitJumpInsn(int opcode, Label label) { }
    @Override public void visitLabel(Label label) { }
    @Override public void visitLdcInsn(Object value) { }
    @Override public void visitIincInsn(int varIndex, int increment) { }
    @Override public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) { }
    @Override public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) { }
    @Override public void visitMultiANewArrayInsn(String d, int numDimensions) { }
    @Override public void visitTryCatchBlock(Label start, Label end, Label handler, String type) { }
    @Override public void visitLocalVariable(String n, String d, String s, Label start, Label end, int index) { }
    @Override public void visitMaxs(int maxStack, int maxLocals) { }

    @Override
    public org.objectweb.asm.AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String d, boolean visible) {
        return null;
    }

    @Override
    public org.objectweb.asm.AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String d, boolean visible) {
        return null;
    }

    @Override
    public org.objectweb.asm.AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start,
                                                                            Label[] end, int[] index, String d, boolean visible) {
        return null;
    }
}
