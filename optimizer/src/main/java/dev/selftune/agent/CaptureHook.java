package dev.selftune.agent;

import dev.selftune.api.MethodRef;
import dev.selftune.install.CaptureChannel;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A retransforming transformer that weaves an entry hook into one method: the hook boxes the
 * arguments (after {@code this} for an instance method) into an {@code Object[]} and hands them,
 * through an invokedynamic, to the agent's {@link CaptureChannel} (whose sink may already be disconnected).
 */
final class CaptureHook implements ClassFileTransformer {
    /*
     * Written with ASM rather than ByteBuddy Advice: on JDK 24+ ByteBuddy's AgentBuilder reaches for
     * sun.misc.Unsafe (ClassInjector.UsingUnsafe) and the JVM prints "terminally deprecated method in
     * sun.misc.Unsafe" warnings into the host's stderr (JEP 471/498, seen here on 25); it also loads
     * hundreds of classes into the host for what is a dozen instructions.
     *
     * The woven code names only JDK types and one invokedynamic whose bootstrap method is the
     * trampolines' (CaptureChannel: the class's loader sees the agent or the bootstrap copy), so
     * no sink object sits in global state (System.getProperties() held it once, which broke hosts
     * iterating their properties). It adds no member and no constant the JVMS forbids on
     * retransformation (JVMTI RetransformClasses: no schema change; the constant pool and
     * BootstrapMethods may grow), so it composes with other retransforming agents. The hook is
     * straight-line code: no branch, so no stack map frame is needed or written.
     */
    private final Class<?> owner;
    private final MethodRef method;
    private final Handle bootstrap;
    private final String key;
    volatile Throwable failure;
    volatile boolean woven;

    CaptureHook(Class<?> owner, MethodRef method, CaptureChannel channel) {
        this.owner = owner;
        this.method = method;
        this.bootstrap = channel.bootstrap();
        this.key = channel.key();
    }

    @Override
    public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain pd, byte[] classFile) {
        if (redefined != owner) {
            return null;
        }
        try {
            byte[] out = weave(classFile, method.name(), method.descriptor(), bootstrap, key);
            woven = out != null;
            return out;
        } catch (Throwable t) {
            failure = t;
            return null;
        }
    }

    /** The class file with the hook at the entry of {@code name desc}, or null when the method is absent. */
    static byte[] weave(byte[] classFile, String name, String desc, Handle bootstrap, String key) {
        if (name.equals("<init>") || name.equals("<clinit>")) {
            throw new IllegalArgumentException(name + ": constructors and initialisers are never hooked (their receiver is not yet an object)");
        }
        ClassReader cr = new ClassReader(classFile);
        ClassWriter cw = new ClassWriter(0);
        boolean[] found = {false};
        cr.accept(new ClassVisitor(Opcodes.ASM9, cw) {
            @Override
            public void visit(int version, int access, String n, String sig, String sup, String[] itf) {
                if ((version & 0xFFFF) < Opcodes.V1_7) {
                    throw new IllegalArgumentException(n.replace('/', '.') + ": class file version " + (version & 0xFFFF)
                            + " predates invokedynamic (51, Java 7); its arguments cannot be captured");
                }
                super.visit(version, access, n, sig, sup, itf);
            }

            @Override
            public MethodVisitor visitMethod(int access, String n, String d, String sig, String[] ex) {
                MethodVisitor mv = super.visitMethod(access, n, d, sig, ex);
                if (n.equals(name) && d.equals(desc) && (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0) {
                    found[0] = true;
                    return new EntryHook(mv, access, desc, bootstrap, key);
                }
                return mv;
            }
        }, 0);
        return found[0] ? cw.toByteArray() : null;
    }

    /** Inserts the hook at the start of the code and makes room for it on the operand stack. */
    private static final class EntryHook extends MethodVisitor {
        private final boolean isStatic;
        private final int first;
        private final Type[] args;
        private final Handle bootstrap;
        private final String key;

        EntryHook(MethodVisitor mv, int access, String desc, Handle bootstrap, String key) {
            super(Opcodes.ASM9, mv);
            this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
            this.first = isStatic ? 0 : 1;   // the receiver goes first; <init> is never hooked (CandidateSelector)
            this.args = Type.getArgumentTypes(desc);
            this.bootstrap = bootstrap;
            this.key = key;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            push(first + args.length);
            visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
            if (!isStatic) {
                visitInsn(Opcodes.DUP);
                push(0);
                visitVarInsn(Opcodes.ALOAD, 0);
                visitInsn(Opcodes.AASTORE);
            }
            int slot = isStatic ? 0 : 1;
            for (int i = 0; i < args.length; i++) {
                visitInsn(Opcodes.DUP);
                push(first + i);
                visitVarInsn(args[i].getOpcode(Opcodes.ILOAD), slot);
                box(args[i]);
                visitInsn(Opcodes.AASTORE);
                slot += args[i].getSize();
            }
            visitInvokeDynamicInsn(CaptureChannel.NAME, CaptureChannel.DESCRIPTOR, bootstrap, key);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(maxStack + 8, maxLocals);
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
