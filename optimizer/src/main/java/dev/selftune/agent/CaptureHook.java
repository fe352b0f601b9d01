package dev.selftune.agent;

import dev.selftune.api.MethodRef;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A retransforming transformer that weaves an entry hook into one method: the hook boxes the
 * arguments into an {@code Object[]} and hands them to the {@code Consumer} found under {@link #SINK_KEY}
 * in the system properties, and does nothing when there is none.
 */
final class CaptureHook implements ClassFileTransformer {
    /** System-properties key of the current {@code Consumer<Object[]>} sink. */
    static final String SINK_KEY = "dev.selftune.agent.capture-sink";

    /*
     * Written with ASM rather than ByteBuddy Advice: on JDK 24+ ByteBuddy's AgentBuilder reaches for
     * sun.misc.Unsafe (ClassInjector.UsingUnsafe) and the JVM prints "terminally deprecated method in
     * sun.misc.Unsafe" warnings into the host's stderr (JEP 471/498, seen here on 25); it also loads
     * hundreds of classes into the host for what is a dozen instructions.
     *
     * The woven code names only JDK types (System, Properties, Consumer), so it links in any class
     * loader, also ones that do not delegate to the system loader (OSGi, app servers). It adds no
     * member and no constant the JVMS forbids on retransformation (JVMTI RetransformClasses: no
     * schema change), so it composes with other retransforming agents. Frames: the class is read
     * with EXPAND_FRAMES and the two frames the hook needs are written in F_NEW form from the method
     * descriptor (at entry the locals are exactly `this` and the parameters); nothing is computed, so
     * no supertype is ever loaded from inside a transformer. A NOP after the hook keeps its last
     * frame from sharing an offset with a frame of the original code at offset 0.
     */
    private final Class<?> owner;
    private final MethodRef method;
    volatile Throwable failure;
    volatile boolean woven;

    CaptureHook(Class<?> owner, MethodRef method) {
        this.owner = owner;
        this.method = method;
    }

    @Override
    public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain pd, byte[] classFile) {
        if (redefined != owner) {
            return null;
        }
        try {
            byte[] out = weave(classFile, method.name(), method.descriptor());
            woven = out != null;
            return out;
        } catch (Throwable t) {
            failure = t;
            return null;
        }
    }

    /** The class file with the hook at the entry of {@code name desc}, or null when the method is absent. */
    static byte[] weave(byte[] classFile, String name, String desc) {
        ClassReader cr = new ClassReader(classFile);
        ClassWriter cw = new ClassWriter(0);
        boolean[] found = {false};
        cr.accept(new ClassVisitor(Opcodes.ASM9, cw) {
            private String internalName;
            private boolean frames;

            @Override
            public void visit(int version, int access, String n, String sig, String sup, String[] itf) {
                internalName = n;
                frames = (version & 0xFFFF) >= Opcodes.V1_6;
                super.visit(version, access, n, sig, sup, itf);
            }

            @Override
            public MethodVisitor visitMethod(int access, String n, String d, String sig, String[] ex) {
                MethodVisitor mv = super.visitMethod(access, n, d, sig, ex);
                if (n.equals(name) && d.equals(desc) && (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0) {
                    found[0] = true;
                    return new EntryHook(mv, access, internalName, desc, frames);
                }
                return mv;
            }
        }, ClassReader.EXPAND_FRAMES);
        return found[0] ? cw.toByteArray() : null;
    }

    /** Inserts the hook at the start of the code and makes room for it on the operand stack. */
    private static final class EntryHook extends MethodVisitor {
        private final boolean isStatic;
        private final String owner;
        private final Type[] args;
        private final boolean frames;

        EntryHook(MethodVisitor mv, int access, String owner, String desc, boolean frames) {
            super(Opcodes.ASM9, mv);
            this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
            this.owner = owner;
            this.args = Type.getArgumentTypes(desc);
            this.frames = frames;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            Label skip = new Label();
            Label end = new Label();
            visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "getProperties", "()Ljava/util/Properties;", false);
            visitLdcInsn(SINK_KEY);
            visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/util/Properties", "get", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
            visitInsn(Opcodes.DUP);
            visitTypeInsn(Opcodes.INSTANCEOF, "java/util/function/Consumer");
            visitJumpInsn(Opcodes.IFEQ, skip);
            visitTypeInsn(Opcodes.CHECKCAST, "java/util/function/Consumer");
            push(args.length);
            visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
            int slot = isStatic ? 0 : 1;
            for (int i = 0; i < args.length; i++) {
                visitInsn(Opcodes.DUP);
                push(i);
                visitVarInsn(args[i].getOpcode(Opcodes.ILOAD), slot);
                box(args[i]);
                visitInsn(Opcodes.AASTORE);
                slot += args[i].getSize();
            }
            visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/function/Consumer", "accept", "(Ljava/lang/Object;)V", true);
            visitJumpInsn(Opcodes.GOTO, end);
            visitLabel(skip);
            frame(new Object[] {"java/lang/Object"});
            visitInsn(Opcodes.POP);
            visitLabel(end);
            frame(new Object[0]);
            visitInsn(Opcodes.NOP);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(maxStack + 8, maxLocals);
        }

        private void frame(Object[] stack) {
            if (!frames) {
                return;
            }
            List<Object> locals = new ArrayList<>();
            if (!isStatic) {
                locals.add(owner);
            }
            for (Type t : args) {
                locals.add(switch (t.getSort()) {
                    case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> Opcodes.INTEGER;
                    case Type.FLOAT -> Opcodes.FLOAT;
                    case Type.LONG -> Opcodes.LONG;
                    case Type.DOUBLE -> Opcodes.DOUBLE;
                    case Type.ARRAY -> t.getDescriptor();
                    default -> t.getInternalName();
                });
            }
            visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), stack.length, stack);
        }

        private void push(int n) {
            if (n <= 5) {
                visitInsn(Opcodes.ICONST_0 + n);
            } else if (n <= Byte.MAX_VALUE) {
                visitIntInsn(Opcodes.BIPUSH, n);
            } else {
                visitIntInsn(Opcodes.SIPUSH, n);
            }
        }

        private void box(Type t) {
            String boxed = switch (t.getSort()) {
                case Type.BOOLEAN -> "java/lang/Boolean";
                case Type.BYTE -> "java/lang/Byte";
                case Type.CHAR -> "java/lang/Character";
                case Type.SHORT -> "java/lang/Short";
                case Type.INT -> "java/lang/Integer";
                case Type.FLOAT -> "java/lang/Float";
                case Type.LONG -> "java/lang/Long";
                case Type.DOUBLE -> "java/lang/Double";
                default -> null;
            };
            if (boxed != null) {
                visitMethodInsn(Opcodes.INVOKESTATIC, boxed, "valueOf", "(" + t.getDescriptor() + ")L" + boxed + ";", false);
            }
        }
    }
}
