package dev.selftune.generate;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Guarded multiversioning, the one mechanism every transform that is exact only under a runtime
 * condition uses:
 * <pre>
 *   m(args): if (m$guard$k(args)) return m$fast$k(args);
 *            &lt;the original body, untouched&gt;
 * </pre>
 * Both helpers are private methods added to the class (static when {@code m} is), so nothing
 * outside the class can call them. The names are a contract with the verifier, which counts entries
 * to {@code m} and to {@code m$fast$k} to prove both sides of the guard ran ({@link #FAST}).
 */
public final class Multiversion {
    /** The infix of a fast version's name: {@code m$fast$1}. */
    public static final String FAST = "$fast$";
    /** The infix of a guard's name: {@code m$guard$1}, returning boolean. */
    public static final String GUARD = "$guard$";

    private Multiversion() { }

    /** Why {@code m} cannot be multiversioned in {@code owner}, or null. */
    public static String whyNot(ClassNode owner, MethodNode m) {
        if ((owner.access & Opcodes.ACC_INTERFACE) != 0) {
            return "the method is in an interface (private interface helpers need Java 9 and are not added)";
        }
        if (m.name.startsWith("<")) {
            return "constructors and initialisers are not multiversioned";
        }
        if (m.name.contains(FAST) || m.name.contains(GUARD)) {
            return "the method is itself a multiversion helper";
        }
        return null;
    }

    /** The lowest k with neither {@code m$fast$k} nor {@code m$guard$k} in {@code owner}. */
    public static int freeIndex(ClassNode owner, MethodNode m) {
        for (int k = 1; ; k++) {
            String fast = m.name + FAST + k;
            String guard = m.name + GUARD + k;
            if (owner.methods.stream().noneMatch(o -> o.name.equals(fast) || o.name.equals(guard))) {
                return k;
            }
        }
    }

    /** A private copy of {@code m}'s body named {@code m$fast$k}, for the caller to rewrite (not yet added). */
    public static MethodNode fastCopy(MethodNode m, int k) {
        MethodNode copy = new MethodNode(Opcodes.ASM9, helperAccess(m), m.name + FAST + k, m.desc, m.signature,
                m.exceptions == null ? null : m.exceptions.toArray(String[]::new));
        m.accept(copy);
        copy.access = helperAccess(m);
        copy.name = m.name + FAST + k;
        copy.visibleAnnotations = null;
        copy.invisibleAnnotations = null;
        copy.visibleParameterAnnotations = null;
        copy.invisibleParameterAnnotations = null;
        copy.annotationDefault = null;
        return copy;
    }

    /** An empty guard method {@code m$guard$k}: {@code m}'s parameters, returning boolean. */
    public static MethodNode emptyGuard(MethodNode m, int k) {
        String desc = Type.getMethodDescriptor(Type.BOOLEAN_TYPE, Type.getArgumentTypes(m.desc));
        return new MethodNode(Opcodes.ASM9, helperAccess(m), m.name + GUARD + k, desc, null, null);
    }

    /*
     * Adds both helpers to the class and puts the dispatch in front of m's body. Frames are left to
     * ClassBytes (the helpers count as changed methods); m's own frames stay valid because the
     * dispatch leaves nothing on the stack and stores no local.
     */
    public static void install(ClassNode owner, MethodNode m, MethodNode fast, MethodNode guard) {
        boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
        int invoke = isStatic ? Opcodes.INVOKESTATIC : Opcodes.INVOKESPECIAL;
        InsnList dispatch = new InsnList();
        LabelNode original = new LabelNode();
        loadArgs(dispatch, m.desc, isStatic);
        dispatch.add(new MethodInsnNode(invoke, owner.name, guard.name, guard.desc, false));
        dispatch.add(new JumpInsnNode(Opcodes.IFEQ, original));
        loadArgs(dispatch, m.desc, isStatic);
        dispatch.add(new MethodInsnNode(invoke, owner.name, fast.name, fast.desc, false));
        dispatch.add(new InsnNode(Type.getReturnType(m.desc).getOpcode(Opcodes.IRETURN)));
        dispatch.add(original);
        m.instructions.insert(dispatch);
        owner.methods.add(fast);
        owner.methods.add(guard);
    }

    static void loadArgs(InsnList out, String desc, boolean isStatic) {
        int slot = 0;
        if (!isStatic) {
            out.add(new VarInsnNode(Opcodes.ALOAD, 0));
            slot = 1;
        }
        for (Type t : Type.getArgumentTypes(desc)) {
            out.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), slot));
            slot += t.getSize();
        }
    }

    private static int helperAccess(MethodNode m) {
        return Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC | (m.access & (Opcodes.ACC_STATIC | Opcodes.ACC_STRICT));
    }
}
