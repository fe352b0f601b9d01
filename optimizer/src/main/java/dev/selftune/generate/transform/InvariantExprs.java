package dev.selftune.generate.transform;

import dev.selftune.generate.LoopNestLiveness;
import dev.selftune.generate.LoopNestLoop;
import dev.selftune.generate.TransformContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Finds the expressions of a counted loop whose value no iteration can change: field reads, array
 * lengths and pure calls over invariant operands, each a contiguous run of instructions (the largest
 * one wins: {@code this.data.length} is one value, not two). Refuses loops where that cannot be shown.
 */
final class InvariantExprs {

    /** The values to hoist (possibly none), or why the loop is refused. */
    record Result(List<HoistLoad> values, String refusal) { }

    /*
     * Invariance, operand by operand:
     * - a local the loop never stores to, and a constant, are invariant;
     * - an array's length never changes (JVMS 2.7): arraylength of an invariant array is invariant,
     *   whatever the loop calls or stores;
     * - a field x.f (x invariant) or a static S.f changes only by a putfield/putstatic of a field
     *   with that name and type (matched without the owner, so a subclass's name for it counts), or
     *   inside a call: with any call that is not pure in the loop, no field is hoisted. A racing
     *   write of another thread may be missed, which JLS 17.4 allows for a non-volatile read; a
     *   volatile read or a monitor in the loop is a synchronisation action (JLS 17.4.4) that forbids
     *   it, so those refuse the loop, as does a field whose flags cannot be read;
     * - a static of another class is not hoisted: reading it first could run that class's static
     *   initialiser earlier than the original (JLS 12.4.1), or where the original never reads it;
     * - a pure call (PureCalls) with invariant arguments is invariant.
     * Exceptions are the versioning's business (Hoist.version): any throw in the preheader runs the
     * original loop, so a null receiver or a loop that runs zero times behaves as before.
     */
    private final ClassNode owner;
    private final MethodNode method;
    private final LoopNestLoop loop;
    private final TransformContext ctx;
    private final Set<Integer> written = new HashSet<>();
    private final Set<String> putFields = new HashSet<>();
    private final Set<LabelNode> targets = new HashSet<>();
    private final Set<String> notes = new LinkedHashSet<>();
    private String fieldBlocker;
    private boolean callsOwnMethods;

    private InvariantExprs(ClassNode owner, MethodNode method, LoopNestLoop loop, TransformContext ctx) {
        this.owner = owner;
        this.method = method;
        this.loop = loop;
        this.ctx = ctx;
    }

    static Result analyse(ClassNode owner, MethodNode method, LoopNestLoop loop, TransformContext ctx) {
        return new InvariantExprs(owner, method, loop, ctx).run();
    }

    private Result run() {
        if (LoopNestLiveness.enteredFromOutside(method, loop.head(), loop.back(), true)) {
            return refuse("the loop is entered by a jump from outside or overlaps a try block it does not contain");
        }
        String refusal = scanEffects();
        if (refusal != null) {
            return refuse(refusal);
        }
        collectTargets();
        List<AbstractInsnNode[]> found = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        List<Boolean> worths = new ArrayList<>();
        for (AbstractInsnNode n = loop.head(); n != loop.back(); n = n.getNext()) {
            Atom a = atom(n);
            if (a != null && a.memory) {
                int start = method.instructions.indexOf(a.start);
                // a larger expression containing the last ones (runs nest or are disjoint): it replaces them
                while (!found.isEmpty() && method.instructions.indexOf(found.get(found.size() - 1)[0]) >= start) {
                    found.remove(found.size() - 1);
                    types.remove(types.size() - 1);
                    worths.remove(worths.size() - 1);
                }
                found.add(new AbstractInsnNode[] {a.start, n});
                types.add(a.type);
                worths.add(a.worth);
            }
        }
        boolean worth = false;
        List<HoistLoad> values = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            List<AbstractInsnNode> insns = new ArrayList<>();
            for (AbstractInsnNode n = found.get(i)[0]; n != found.get(i)[1].getNext(); n = n.getNext()) {
                if (n.getOpcode() >= 0) {
                    insns.add(n);
                }
            }
            values.add(HoistLoad.value(insns, types.get(i)));
            worth |= worths.get(i);
        }
        if (!values.isEmpty() && !worth) {
            return refuse("only array lengths or field reads in a loop that calls no method of this class are"
                    + " invariant, and C2 hoists those itself");
        }
        if (values.isEmpty()) {
            for (AbstractInsnNode n = loop.head(); n != loop.back(); n = n.getNext()) {
                if (n instanceof FieldInsnNode f && (f.getOpcode() == Opcodes.GETFIELD || f.getOpcode() == Opcodes.GETSTATIC)) {
                    String why = whyNotReadable(f);
                    if (why != null) {
                        notes.add(why);
                    }
                }
            }
            notes.add("no field read, array length or pure call in it is loop-invariant");
            return refuse(String.join("; ", notes));
        }
        return new Result(values, null);
    }

    private static Result refuse(String reason) {
        return new Result(List.of(), reason);
    }

    /** Locals and fields the loop writes, calls that may write fields; a refusal for loops we cannot reason about. */
    private String scanEffects() {
        for (AbstractInsnNode n = loop.head(); n != loop.back(); n = n.getNext()) {
            int op = n.getOpcode();
            if (n instanceof MethodInsnNode call && call.owner.equals(owner.name)) {
                callsOwnMethods = true;
            }
            if (n instanceof VarInsnNode v && op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
                written.add(v.var);
            } else if (n instanceof IincInsnNode i) {
                written.add(i.var);
            } else if (op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC) {
                putFields.add(((FieldInsnNode) n).name + ":" + ((FieldInsnNode) n).desc);
            } else if (op == Opcodes.JSR || op == Opcodes.RET) {
                return "the loop uses subroutines (JSR/RET), which frames cannot be computed for";
            } else if (op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT) {
                return "the loop synchronises: a hoisted read could miss another thread's write";
            } else if (op == Opcodes.INVOKEDYNAMIC && fieldBlocker == null) {
                fieldBlocker = "the loop runs an invokedynamic call site, which may write any field";
            } else if (n instanceof MethodInsnNode call && fieldBlocker == null && !PureCalls.isPure(owner, call)) {
                fieldBlocker = "the loop calls " + call.owner + "." + call.name + call.desc
                        + ", not known to be pure: it may write any field";
            } else if (n instanceof FieldInsnNode f && (op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC)) {
                FieldFlags.Volatility v = FieldFlags.of(owner, f, ctx.classes());
                if (v == FieldFlags.Volatility.VOLATILE) {
                    return "the loop reads volatile field " + f.owner + "." + f.name
                            + ", a synchronisation action no read may be moved across";
                }
                if (v == FieldFlags.Volatility.UNKNOWN) {
                    return "the loop reads field " + f.owner + "." + f.name
                            + ", whose class file cannot be read to tell whether it is volatile";
                }
            }
        }
        return null;
    }

    private void collectTargets() {
        targets.addAll(dev.selftune.generate.LoopBodies.jumpTargets(method));
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            targets.add(tcb.start);
            targets.add(tcb.end);
            targets.add(tcb.handler);
        }
    }

    /*
     * An invariant expression: its first instruction, its value's type, whether it reads memory or
     * calls (else it is plain arithmetic on locals, not worth a local of its own), and whether C2
     * would keep it in the loop (worth): a call, or a field read in a loop that calls a method of
     * this class (C2 may not inline it, and then reloads every field after it). An array's length
     * alone, or a field read in a loop without such calls, C2 hoists itself: those ride along when
     * something worth it is hoisted, but never make a variant on their own.
     */
    private record Atom(AbstractInsnNode start, Type type, boolean memory, boolean worth) {
        Atom(AbstractInsnNode start, Type type) {
            this(start, type, false, false);
        }
    }

    /** The invariant expression ending at {@code end}, or null. */
    private Atom atom(AbstractInsnNode end) {
        int op = end.getOpcode();
        if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5 || op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) {
            return new Atom(end, Type.INT_TYPE);
        }
        if (op == Opcodes.LCONST_0 || op == Opcodes.LCONST_1) {
            return new Atom(end, Type.LONG_TYPE);
        }
        if (op >= Opcodes.FCONST_0 && op <= Opcodes.FCONST_2) {
            return new Atom(end, Type.FLOAT_TYPE);
        }
        if (op == Opcodes.DCONST_0 || op == Opcodes.DCONST_1) {
            return new Atom(end, Type.DOUBLE_TYPE);
        }
        if (end instanceof LdcInsnNode l && (l.cst instanceof Number)) {
            return new Atom(end, Type.getType(l.cst instanceof Integer ? "I" : l.cst instanceof Long ? "J"
                    : l.cst instanceof Float ? "F" : "D"));
        }
        if (end instanceof VarInsnNode v && op >= Opcodes.ILOAD && op <= Opcodes.ALOAD) {
            return written.contains(v.var) ? null : new Atom(end, localType(op));
        }
        if (end instanceof FieldInsnNode f && op == Opcodes.GETSTATIC) {
            return whyNotReadable(f) == null ? new Atom(end, Type.getType(f.desc), true, callsOwnMethods) : null;
        }
        if (end instanceof FieldInsnNode f && op == Opcodes.GETFIELD) {
            Atom receiver = operand(end);
            return receiver != null && whyNotReadable(f) == null
                    ? new Atom(receiver.start, Type.getType(f.desc), true, receiver.worth || callsOwnMethods) : null;
        }
        if (op == Opcodes.ARRAYLENGTH) {
            Atom array = operand(end);
            return array == null ? null : new Atom(array.start, Type.INT_TYPE, true, array.worth);
        }
        Type arithmetic = InvariantArithmetic.result(op);
        if (arithmetic != null) {
            Atom right = operand(end);
            Atom left = right == null || !InvariantArithmetic.binary(op) ? null : operand(right.start);
            if (right == null || InvariantArithmetic.binary(op) && left == null) {
                return null;
            }
            return new Atom(left == null ? right.start : left.start, arithmetic, right.memory || left != null && left.memory,
                    right.worth || left != null && left.worth);
        }
        if (end instanceof MethodInsnNode call && op == Opcodes.INVOKESTATIC && PureCalls.isPure(owner, call)) {
            AbstractInsnNode start = end;
            for (int k = Type.getArgumentTypes(call.desc).length; k > 0; k--) {
                Atom arg = operand(start);
                if (arg == null) {
                    return null;
                }
                start = arg.start;
            }
            return new Atom(start, Type.getReturnType(call.desc), true, true);
        }
        return null;
    }

    /** The invariant expression right before {@code n} (only labels no jump targets, line numbers and frames between). */
    private Atom operand(AbstractInsnNode n) {
        AbstractInsnNode p = n.getPrevious();
        while (p != null && p != loop.head() && (p instanceof LineNumberNode || p instanceof FrameNode
                || p instanceof LabelNode l && !targets.contains(l))) {
            p = p.getPrevious();
        }
        return p == null || p == loop.head() || p.getOpcode() < 0 ? null : atom(p);
    }

    /** Null when no instruction of the loop can change field {@code f}, else why it stays in the loop. */
    private String whyNotReadable(FieldInsnNode f) {
        String field = f.owner + "." + f.name;
        if (putFields.contains(f.name + ":" + f.desc)) {
            return field + " is written in the loop";
        }
        if (fieldBlocker != null) {
            return field + " stays: " + fieldBlocker;
        }
        if (f.getOpcode() == Opcodes.GETSTATIC && !f.owner.equals(owner.name)) {
            return field + " stays: reading it first could initialise " + f.owner + " earlier than the original";
        }
        return null;
    }

    private static Type localType(int loadOpcode) {
        return switch (loadOpcode) {
            case Opcodes.LLOAD -> Type.LONG_TYPE;
            case Opcodes.FLOAD -> Type.FLOAT_TYPE;
            case Opcodes.DLOAD -> Type.DOUBLE_TYPE;
            case Opcodes.ALOAD -> Type.getObjectType("java/lang/Object");
            default -> Type.INT_TYPE;
        };
    }
}
