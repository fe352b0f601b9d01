package dev.selftune.install;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;

/**
 * Links a lambda whose body is a static method of a hidden copy: spins a hidden class implementing
 * the functional interface that calls the body through a MethodHandle held as class data.
 */
final class LambdaSpinner {
    /*
     * JDK 17's InnerClassLambdaMetafactory calls a static implementation by name (invokestatic
     * Owner.lambda$x), and a hidden class cannot be named: its name carries a "/0x…" suffix, so
     * such a lambda fails with NoClassDefFoundError at first use (JDK 25 passes a live handle for
     * this case, JDK 17 does not). This does what the JDK does for its own hidden cases: the
     * handle is the class data (Lookup.defineHiddenClassWithClassData, JDK 16+), loaded with a
     * MethodHandles.classData condy, so C2 sees a constant and inlines through it; the call uses
     * MethodHandle.invoke, whose asType performs the casts, boxing and widening LambdaMetafactory
     * would. Non-capturing lambdas get one shared instance, as with LambdaMetafactory.
     * Static arguments follow LambdaMetafactory.metafactory / altMetafactory (markers, bridges);
     * serializable lambdas are rejected before a swap (NestmateCopy).
     */
    private static final String MH = "java/lang/invoke/MethodHandle";
    private static final ConstantDynamic CLASS_DATA = new ConstantDynamic("_", "L" + MH + ";",
            new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/MethodHandles", "classData",
                    "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;", false));

    private LambdaSpinner() { }

    /** {@code args} = caller lookup, interface method name, factory type, LambdaMetafactory static arguments. */
    static CallSite link(Object[] args) {
        MethodHandles.Lookup caller = (MethodHandles.Lookup) args[0];
        String name = (String) args[1];
        MethodType factory = (MethodType) args[2];
        Object[] statics = (Object[]) args[3];
        MethodType sam = (MethodType) statics[0];
        MethodHandle impl = (MethodHandle) statics[1];
        List<Class<?>> markers = new ArrayList<>();
        List<MethodType> methods = new ArrayList<>(List.of(sam));
        int flags = statics.length > 3 ? (Integer) statics[3] : 0;
        int i = 4;
        if ((flags & 2) != 0) {   // LambdaMetafactory.FLAG_MARKERS
            int n = (Integer) statics[i++];
            for (int k = 0; k < n; k++) {
                markers.add((Class<?>) statics[i++]);
            }
        }
        if ((flags & 4) != 0) {   // LambdaMetafactory.FLAG_BRIDGES
            int n = (Integer) statics[i++];
            for (int k = 0; k < n; k++) {
                methods.add((MethodType) statics[i++]);
            }
        }
        try {
            byte[] bytes = spin(caller.lookupClass(), factory, name, markers, methods);
            MethodHandles.Lookup lambda = caller.defineHiddenClassWithClassData(bytes, impl, true,
                    MethodHandles.Lookup.ClassOption.NESTMATE);
            MethodHandle ctor = lambda.findConstructor(lambda.lookupClass(), factory.changeReturnType(void.class));
            if (factory.parameterCount() == 0) {
                return new ConstantCallSite(MethodHandles.constant(factory.returnType(), ctor.invoke()));
            }
            return new ConstantCallSite(ctor.asType(factory));
        } catch (Throwable e) {
            throw new IllegalStateException("[selftune] cannot link lambda " + name + factory + " in "
                    + caller.lookupClass().getName() + ": " + e, e);
        }
    }

    /** Links the lambda of {@code indy} in the hidden class of {@code hidden} once, throwing what its first call would. */
    static void prelink(MethodHandles.Lookup hidden, InvokeDynamicInsnNode indy) throws ReflectiveOperationException {
        ClassLoader loader = hidden.lookupClass().getClassLoader();
        Object[] statics = new Object[indy.bsmArgs.length];
        for (int i = 0; i < statics.length; i++) {
            Object arg = indy.bsmArgs[i];
            if (arg instanceof Type t && t.getSort() == Type.METHOD) {
                statics[i] = MethodType.fromMethodDescriptorString(t.getDescriptor(), loader);
            } else if (arg instanceof Type t) {
                statics[i] = Class.forName(t.getClassName(), false, loader);
            } else if (arg instanceof Handle h) {   // the body, a static method of the hidden class itself
                statics[i] = hidden.findStatic(hidden.lookupClass(), h.getName(),
                        MethodType.fromMethodDescriptorString(h.getDesc(), loader));
            } else {
                statics[i] = arg;
            }
        }
        link(new Object[] {hidden, indy.name, MethodType.fromMethodDescriptorString(indy.desc, loader), statics});
    }

    private static byte[] spin(Class<?> caller, MethodType factory, String name, List<Class<?>> markers, List<MethodType> methods) {
        String self = caller.getPackageName().replace('.', '/') + (caller.getPackageName().isEmpty() ? "" : "/") + "Selftune$$Lambda";
        List<String> interfaces = new ArrayList<>();
        interfaces.add(Type.getInternalName(factory.returnType()));
        for (Class<?> m : markers) {
            interfaces.add(Type.getInternalName(m));
        }
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, self, null,
                "java/lang/Object", interfaces.toArray(new String[0]));
        Type[] captured = Type.getArgumentTypes(factory.toMethodDescriptorString());
        for (int k = 0; k < captured.length; k++) {
            cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "arg$" + k, captured[k].getDescriptor(), null, null).visitEnd();
        }
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PRIVATE, "<init>",
                factory.changeReturnType(void.class).toMethodDescriptorString(), null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        int slot = 1;
        for (int k = 0; k < captured.length; k++) {
            init.visitVarInsn(Opcodes.ALOAD, 0);
            init.visitVarInsn(captured[k].getOpcode(Opcodes.ILOAD), slot);
            init.visitFieldInsn(Opcodes.PUTFIELD, self, "arg$" + k, captured[k].getDescriptor());
            slot += captured[k].getSize();
        }
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        for (MethodType m : methods) {
            forward(cw, self, name, m, captured);
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void forward(ClassWriter cw, String self, String name, MethodType m, Type[] captured) {
        String desc = m.toMethodDescriptorString();
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, name, desc, null, null);
        mv.visitCode();
        mv.visitLdcInsn(CLASS_DATA);
        StringBuilder call = new StringBuilder("(");
        for (int k = 0; k < captured.length; k++) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, self, "arg$" + k, captured[k].getDescriptor());
            call.append(captured[k].getDescriptor());
        }
        int slot = 1;
        for (Type t : Type.getArgumentTypes(desc)) {
            mv.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
            slot += t.getSize();
            call.append(t.getDescriptor());
        }
        Type ret = Type.getReturnType(desc);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, MH, "invoke", call.append(')').append(ret.getDescriptor()).toString(), false);
        mv.visitInsn(ret.getOpcode(Opcodes.IRETURN));
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
