package dev.selftune.generate.transform;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import dev.selftune.generate.Multiversion;
import dev.selftune.generate.UnitRouting;

/**
 * Writes a class-guarded call as a multiversioned private static method of the target's class:
 * <pre>
 *   s$devirt$j(T r, args):            if (s$devirt$j$guard$k(r, args)) return s$devirt$j$fast$k(r, args);
 *                                     return r.s(args);                 // the original call, untouched
 *   s$devirt$j$guard$k(T r, args):    return r != null &amp;&amp; r.getClass() == C.class;
 *   s$devirt$j$fast$k(T r, args):     r = (C) r; &lt;C's s body, r in the slot of this&gt;
 * </pre>
 * and points the call in the loop at {@code s$devirt$j}, which takes the same stack entries.
 */
final class DevirtCode {
    /** The infix of a guarded call's method: {@code area$devirt$1}. */
    static final String INFIX = "$devirt$";

    private DevirtCode() { }

    /*
     * Why a helper per call and not the test inline in the loop: GuardCoverage, the verifier's proof
     * that both sides of a guard ran, counts entries to a method and to its $fast$ helpers. As a
     * multiversioned method the site is held to that rule as it stands: a variant whose fallback (the
     * virtual call) never ran on the verification rows is rejected. C2 inlines the three small
     * methods at a hot site (MaxInlineSize 35 bytes covers the dispatch and the guard), and the fast
     * helper is a static call with one target, inlined up to FreqInlineSize where the virtual call at
     * a megamorphic site was inlined not at all.
     *
     * Exact: when r.getClass() == C.class (the same Class, hence the same loader), the virtual call
     * runs the method DevirtSites selected for C, whose code the fast helper runs on the same
     * receiver and arguments: a static method (T, args) has the slots of an instance method (this,
     * args). A null receiver and every other class take the original call, which throws or
     * dispatches as before. Only stack traces differ (two more frames).
     */
    static void install(ClassNode owner, MethodNode method, DevirtSites.Site site) {
        MethodInsnNode call = site.call();
        Type[] args = Type.getArgumentTypes(call.desc);
        Type[] params = new Type[args.length + 1];
        params[0] = Type.getObjectType(call.owner);
        System.arraycopy(args, 0, params, 1, args.length);
        Type ret = Type.getReturnType(call.desc);
        String desc = Type.getMethodDescriptor(ret, params);
        int access = Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC;
        MethodNode s = new MethodNode(Opcodes.ASM9, access, freeName(owner, UnitRouting.originalName(call.name)), desc, null, null);
        load(s.instructions, params);
        s.instructions.add(new MethodInsnNode(call.getOpcode(), call.owner, call.name, call.desc, call.itf));
        s.instructions.add(new InsnNode(ret.getOpcode(Opcodes.IRETURN)));
        owner.methods.add(s);

        int k = Multiversion.freeIndex(owner, s);
        MethodNode fast = UnitRouting.copy(site.body(), s.name + Multiversion.FAST + k);
        fast.access = access | (site.body().access & Opcodes.ACC_STRICT);
        fast.desc = desc;
        fast.signature = null;
        fast.localVariables = null;
        fast.parameters = null;
        InsnList cast = new InsnList();
        cast.add(new VarInsnNode(Opcodes.ALOAD, 0));
        cast.add(new TypeInsnNode(Opcodes.CHECKCAST, site.receiver()));
        cast.add(new VarInsnNode(Opcodes.ASTORE, 0));
        fast.instructions.insert(cast);

        MethodNode guard = Multiversion.emptyGuard(s, k);
        LabelNode no = new LabelNode();
        guard.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
        guard.instructions.add(new JumpInsnNode(Opcodes.IFNULL, no));
        guard.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
        guard.instructions.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "getClass", "()Ljava/lang/Class;", false));
        guard.instructions.add(new LdcInsnNode(Type.getObjectType(site.receiver())));
        guard.instructions.add(new JumpInsnNode(Opcodes.IF_ACMPNE, no));
        guard.instructions.add(new InsnNode(Opcodes.ICONST_1));
        guard.instructions.add(new InsnNode(Opcodes.IRETURN));
        guard.instructions.add(no);
        guard.instructions.add(new InsnNode(Opcodes.ICONST_0));
        guard.instructions.add(new InsnNode(Opcodes.IRETURN));

        Multiversion.install(owner, s, fast, guard);
        method.instructions.set(call, new MethodInsnNode(Opcodes.INVOKESTATIC, owner.name, s.name, desc, false));
    }

    private static void load(InsnList out, Type[] params) {
        int slot = 0;
        for (Type t : params) {
            out.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), slot));
            slot += t.getSize();
        }
    }

    private static String freeName(ClassNode owner, String name) {
        for (int j = 1; ; j++) {
            String n = name + INFIX + j;
            if (owner.methods.stream().noneMatch(m -> m.name.equals(n))) {
                return n;
            }
        }
    }
}
