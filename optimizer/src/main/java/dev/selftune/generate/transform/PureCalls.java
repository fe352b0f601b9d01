package dev.selftune.generate.transform;

import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * Which calls are pure: they write nothing, read no memory a loop could change, synchronise on
 * nothing, always return, and return the same value for the same arguments. Such a call with
 * invariant arguments can be evaluated once before the loop, and it cannot change a field the loop
 * reads. Two kinds: JDK statics on primitives known to be pure ({@code Math}, {@code StrictMath} but
 * {@code random}, the bit operations of {@code Integer}, {@code Long}, {@code Float}, {@code Double}),
 * and static methods of the class being tuned whose bytes prove it.
 */
final class PureCalls {
    private PureCalls() { }

    private static final Set<String> BOXES = Set.of("java/lang/Integer", "java/lang/Long", "java/lang/Float", "java/lang/Double");
    /* Boxes' statics on primitives that compute from their arguments alone (no parse, no valueOf, no toString). */
    private static final Set<String> BOX_OPS = Set.of("bitCount", "reverse", "reverseBytes", "rotateLeft", "rotateRight",
            "highestOneBit", "lowestOneBit", "numberOfLeadingZeros", "numberOfTrailingZeros", "signum", "compare",
            "compareUnsigned", "divideUnsigned", "remainderUnsigned", "toUnsignedLong", "max", "min", "sum", "hashCode",
            "doubleToRawLongBits", "doubleToLongBits", "longBitsToDouble", "floatToRawIntBits", "floatToIntBits",
            "intBitsToFloat", "isNaN", "isInfinite", "isFinite", "abs");

    /** True when {@code call} (to a JDK class, or a static method of {@code owner}) is pure. */
    static boolean isPure(ClassNode owner, MethodInsnNode call) {
        return isKnownPure(call) || call.getOpcode() == Opcodes.INVOKESTATIC && call.owner.equals(owner.name)
                && whyNotPure(owner, call.name, call.desc) == null;
    }

    /*
     * Primitive arguments and result only: a JDK method on primitives cannot read the caller's
     * memory. The classes are initialised long before any user code runs, so calling them earlier
     * runs no static initialiser either.
     */
    static boolean isKnownPure(MethodInsnNode call) {
        if (call.getOpcode() != Opcodes.INVOKESTATIC || !primitiveOnly(call.desc)) {
            return false;
        }
        if (call.owner.equals("java/lang/Math") || call.owner.equals("java/lang/StrictMath")) {
            return !call.name.equals("random");
        }
        return BOXES.contains(call.owner) && BOX_OPS.contains(call.name);
    }

    /*
     * A static method of the class, proven pure from its bytes: no field or array access at all (its
     * result then depends on its arguments only; an array argument may be asked its length), no
     * stores to memory, no allocation, no monitor, not synchronized, no invokedynamic, no call but
     * to known-pure JDK statics (so no recursion), and only forward jumps (so it always returns).
     * It may throw: the versioned loop then runs the original, which throws where it did.
     */
    static String whyNotPure(ClassNode owner, String name, String desc) {
        MethodNode m = owner.methods.stream().filter(x -> x.name.equals(name) && x.desc.equals(desc)).findFirst().orElse(null);
        if (m == null || (m.access & Opcodes.ACC_STATIC) == 0 || m.instructions.size() == 0) {
            return name + desc + " is not a static method with code in " + owner.name;
        }
        if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            return name + desc + " is synchronized";
        }
        if (!Type.getReturnType(desc).getDescriptor().matches("[ZBCSIJFD]")) {
            return name + desc + " does not return a primitive";
        }
        for (org.objectweb.asm.tree.TryCatchBlockNode tcb : m.tryCatchBlocks) {
            if (m.instructions.indexOf(tcb.handler) < m.instructions.indexOf(tcb.end)) {
                return name + desc + " has an exception handler that can loop back into its try block";
            }
        }
        for (AbstractInsnNode n : m.instructions) {
            int op = n.getOpcode();
            if (n instanceof org.objectweb.asm.tree.LdcInsnNode l && l.cst instanceof org.objectweb.asm.ConstantDynamic) {
                return name + desc + " loads a dynamic constant, whose bootstrap may run code";
            }
            String why = switch (op) {
                case Opcodes.GETFIELD, Opcodes.GETSTATIC -> "reads a field";
                case Opcodes.PUTFIELD, Opcodes.PUTSTATIC -> "writes a field";
                case Opcodes.NEW, Opcodes.NEWARRAY, Opcodes.ANEWARRAY, Opcodes.MULTIANEWARRAY -> "allocates";
                case Opcodes.MONITORENTER, Opcodes.MONITOREXIT -> "synchronises";
                case Opcodes.INVOKEDYNAMIC, Opcodes.JSR, Opcodes.RET -> "uses " + org.objectweb.asm.util.Printer.OPCODES[op];
                default -> null;
            };
            if (why == null && op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) {
                why = "reads an array element";
            } else if (why == null && op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) {
                why = "stores into an array";
            } else if (why == null && n instanceof MethodInsnNode call && !isKnownPure(call)) {
                why = "calls " + call.owner + "." + call.name + call.desc + ", which is not known to be pure";
            } else if (why == null && backward(m, n)) {
                why = "loops (a backward jump): it might not return";
            }
            if (why != null) {
                return name + desc + " " + why;
            }
        }
        return null;
    }

    private static boolean primitiveOnly(String desc) {
        for (Type t : Type.getArgumentTypes(desc)) {
            if (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY) {
                return false;
            }
        }
        int ret = Type.getReturnType(desc).getSort();
        return ret != Type.OBJECT && ret != Type.ARRAY && ret != Type.VOID;
    }

    private static boolean backward(MethodNode m, AbstractInsnNode n) {
        if (n instanceof JumpInsnNode j) {
            return before(m, j.label, n);
        }
        if (n instanceof TableSwitchInsnNode t) {
            return before(m, t.dflt, n) || t.labels.stream().anyMatch(l -> before(m, l, n));
        }
        if (n instanceof LookupSwitchInsnNode l) {
            return before(m, l.dflt, n) || l.labels.stream().anyMatch(x -> before(m, x, n));
        }
        return false;
    }

    private static boolean before(MethodNode m, LabelNode target, AbstractInsnNode from) {
        return m.instructions.indexOf(target) <= m.instructions.indexOf(from);
    }
}
