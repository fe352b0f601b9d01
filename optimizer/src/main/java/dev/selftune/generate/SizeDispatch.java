package dev.selftune.generate;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Algorithm choice by input size (PetaBricks-style): a class whose tuned method picks, per call,
 * between the original body and a verified variant's body at a size threshold measured per size:
 * <pre>
 *   m(args): if (m$guard$k(args)) return m$fast$k(args);   // guard: p != null &amp;&amp; len(p) &gt;= T (or &lt; T)
 *            &lt;the original body&gt;
 * </pre>
 * {@code m$fast$k} is the variant's own {@code m}; {@code len} is an array's length or a String's.
 * Built on {@link Multiversion}, so the verifier's guard coverage proves both sides ran.
 */
public final class SizeDispatch {
    private SizeDispatch() { }

    /** Which side of the threshold runs the variant. */
    public enum Side {
        /** {@code len(p) >= T} runs the variant: it wins on the large sizes. */
        AT_LEAST,
        /** {@code len(p) < T} runs the variant: it wins on the small sizes. */
        BELOW
    }

    /** The index (0-based, receiver excluded) of each parameter a size guard can read: arrays and Strings. */
    public static List<Integer> sizedParameters(String desc) {
        Type[] args = Type.getArgumentTypes(desc);
        List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].getSort() == Type.ARRAY || args[i].getDescriptor().equals("Ljava/lang/String;")) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * Why {@code variant} cannot be the fast side of a size dispatch of {@code name desc} in {@code original},
     * or null. It must change only that method (helpers it added aside), since the original side calls
     * the class's other methods as they are in the variant.
     */
    public static String whyNot(ClassNode original, ClassNode variant, String name, String desc) {
        MethodNode m = TunedMethods.find(original, name, desc);
        if (m == null || !TunedMethods.hasBody(m)) {
            return "the method has no body in the original class";
        }
        String refused = Multiversion.whyNot(original, m);
        if (refused != null) {
            return refused;
        }
        Set<String> own = new HashSet<>();
        for (MethodNode o : original.methods) {
            own.add(o.name + o.desc);
            if (o.name.startsWith(name + Multiversion.FAST) || o.name.startsWith(name + Multiversion.GUARD)) {
                return "the original already has multiversion helpers of " + name;
            }
        }
        for (MethodNode v : variant.methods) {
            if (v.name.startsWith(name + Multiversion.FAST)) {
                return "the variant is itself multiversioned on " + name + " (a guard inside a guard would blur which side ran)";
            }
        }
        for (MethodNode o : original.methods) {
            if (o.name.equals(name) && o.desc.equals(desc)) {
                continue;
            }
            MethodNode v = TunedMethods.find(variant, o.name, o.desc);
            if (v == null || !MethodText.same(o, v)) {
                return "the variant also changed " + o.name + o.desc + ", which the original side would then call";
            }
        }
        return null;
    }

    /**
     * The dispatching class: {@code variantBytes} with its {@code name desc} moved to a private fast
     * helper and the original body put back behind a guard on parameter {@code param}'s length.
     * Throws IllegalArgumentException with {@link #whyNot}'s reason, or when {@code param} has no length.
     */
    public static byte[] build(byte[] originalBytes, byte[] variantBytes, String name, String desc, int param,
                               int threshold, Side side, Function<String, InputStream> resources) {
        ClassNode original = ClassBytes.read(originalBytes);
        ClassNode cn = ClassBytes.read(variantBytes);
        String why = whyNot(original, cn, name, desc);
        if (why != null) {
            throw new IllegalArgumentException("no size dispatch for " + name + desc + ": " + why);
        }
        if (!sizedParameters(desc).contains(param)) {
            throw new IllegalArgumentException("no size dispatch for " + name + desc + ": parameter " + param
                    + " is not an array or String");
        }
        if (threshold < 1) {
            throw new IllegalArgumentException("size threshold " + threshold + " must be at least 1");
        }
        MethodNode fastSource = TunedMethods.find(cn, name, desc);
        MethodNode originalM = TunedMethods.find(original, name, desc);
        int k = Multiversion.freeIndex(cn, fastSource);
        MethodNode fast = Multiversion.fastCopy(fastSource, k);
        MethodNode guard = Multiversion.emptyGuard(originalM, k);
        fillGuard(guard, originalM, param, threshold, side);
        MethodNode dispatcher = new MethodNode(Opcodes.ASM9, originalM.access, originalM.name, originalM.desc,
                originalM.signature, originalM.exceptions == null ? null : originalM.exceptions.toArray(String[]::new));
        originalM.accept(dispatcher);
        cn.methods.set(cn.methods.indexOf(fastSource), dispatcher);
        Multiversion.install(cn, dispatcher, fast, guard);
        return ClassBytes.writeChanged(variantBytes, cn, Set.of(name + desc), resources);
    }

    /* guard(args): p != null && len(p) >= T  (or < T); a null goes to the original, which throws as it always did. */
    private static void fillGuard(MethodNode guard, MethodNode m, int param, int threshold, Side side) {
        boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
        Type[] args = Type.getArgumentTypes(m.desc);
        int slot = isStatic ? 0 : 1;
        for (int i = 0; i < param; i++) {
            slot += args[i].getSize();
        }
        LabelNode no = new LabelNode();
        guard.instructions.add(new VarInsnNode(Opcodes.ALOAD, slot));
        guard.instructions.add(new JumpInsnNode(Opcodes.IFNULL, no));
        guard.instructions.add(new VarInsnNode(Opcodes.ALOAD, slot));
        if (args[param].getSort() == Type.ARRAY) {
            guard.instructions.add(new InsnNode(Opcodes.ARRAYLENGTH));
        } else {
            guard.instructions.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/String", "length", "()I", false));
        }
        guard.instructions.add(new LdcInsnNode(threshold));
        guard.instructions.add(new JumpInsnNode(side == Side.AT_LEAST ? Opcodes.IF_ICMPLT : Opcodes.IF_ICMPGE, no));
        guard.instructions.add(new InsnNode(Opcodes.ICONST_1));
        guard.instructions.add(new InsnNode(Opcodes.IRETURN));
        guard.instructions.add(no);
        guard.instructions.add(new InsnNode(Opcodes.ICONST_0));
        guard.instructions.add(new InsnNode(Opcodes.IRETURN));
    }
}
