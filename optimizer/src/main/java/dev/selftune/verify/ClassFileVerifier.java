package dev.selftune.verify;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

/** ASM's {@link SimpleVerifier} with the type hierarchy read from class files instead of loaded classes. */
final class ClassFileVerifier extends SimpleVerifier {
    private final Type self;
    private final Type selfSuper;
    private final List<Type> selfInterfaces;
    private final boolean selfIsInterface;
    private final ClassFiles files;

    ClassFileVerifier(Type self, Type selfSuper, List<Type> interfaces, boolean isInterface, ClassFiles files) {
        super(Opcodes.ASM9, self, selfSuper, interfaces, isInterface);
        this.self = self;
        this.selfSuper = selfSuper;
        this.selfInterfaces = interfaces;
        this.selfIsInterface = isInterface;
        this.files = files;
    }

    @Override
    protected boolean isInterface(Type type) {
        if (type.equals(self)) {
            return selfIsInterface;
        }
        ClassFiles.Header h = files.header(type.getInternalName());
        return h != null && h.isInterface();
    }

    @Override
    protected Type getSuperClass(Type type) {
        if (type.equals(self)) {
            return selfSuper;
        }
        ClassFiles.Header h = files.header(type.getInternalName());
        return h == null || h.superName() == null ? null : Type.getObjectType(h.superName());
    }

    /*
     * Assignability as the JVM's type-checking verifier sees it (JVMS 4.10.1.2): any reference is
     * assignable to an interface type (checked at invokeinterface time instead), arrays to Object,
     * Cloneable and Serializable, and classes along their superclass chain. A class file that
     * cannot be found makes the answer false, which rejects the variant with a reason rather
     * than loading anything.
     */
    @Override
    protected boolean isAssignableFrom(Type type1, Type type2) {
        if (type1.equals(type2)) {
            return true;
        }
        if (type1.getSort() == Type.OBJECT && "java/lang/Object".equals(type1.getInternalName())) {
            return true;
        }
        if (type1.getSort() == Type.ARRAY) {
            if (type2.getSort() != Type.ARRAY) {
                return false;
            }
            Type e1 = Type.getType(type1.getDescriptor().substring(1));
            Type e2 = Type.getType(type2.getDescriptor().substring(1));
            boolean ref1 = e1.getSort() >= Type.ARRAY;
            boolean ref2 = e2.getSort() >= Type.ARRAY;
            return ref1 && ref2 ? isAssignableFrom(e1, e2) : e1.equals(e2);
        }
        if (type2.getSort() == Type.ARRAY) {
            String n = type1.getInternalName();
            return n.equals("java/lang/Cloneable") || n.equals("java/io/Serializable");
        }
        if (isInterface(type1)) {
            return true;
        }
        if (type2.equals(self) && selfInterfaces.contains(type1)) {
            return true;
        }
        int guard = 0;
        for (Type t = type2; t != null && guard++ < 256; t = getSuperClass(t)) {
            if (t.equals(type1)) {
                return true;
            }
        }
        return false;
    }

    /* SimpleVerifier.isSubTypeOf falls back to getClass(expected).isInterface() when
     * isAssignableFrom says no; interfaces were already accepted above, so answer "not an
     * interface" without loading the class (loading would run user code in our JVM). */
    @Override
    protected Class<?> getClass(Type type) {
        return Object.class;
    }
}
