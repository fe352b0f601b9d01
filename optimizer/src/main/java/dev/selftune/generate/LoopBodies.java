package dev.selftune.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/** What a stretch of bytecode (a loop body) writes, calls and jumps to: the facts {@link Loops} and loop transforms ask. */
public final class LoopBodies {
    private LoopBodies() { }

    /** Every label a jump or a switch of {@code method} goes to (handlers not included). */
    public static Set<LabelNode> jumpTargets(MethodNode method) {
        Set<LabelNode> out = new HashSet<>();
        for (AbstractInsnNode n : method.instructions) {
            out.addAll(targets(n));
        }
        return out;
    }

    /** The labels {@code n} may jump to: a jump's label, a switch's cases and default; none for any other instruction. */
    public static List<LabelNode> targets(AbstractInsnNode n) {
        if (n instanceof JumpInsnNode j) {
            return List.of(j.label);
        }
        List<LabelNode> out = new ArrayList<>();
        if (n instanceof TableSwitchInsnNode t) {
            out.addAll(t.labels);
            out.add(t.dflt);
        } else if (n instanceof LookupSwitchInsnNode l) {
            out.addAll(l.labels);
            out.add(l.dflt);
        }
        return out;
    }

    /**
     * {@code writes}: local slot to the instructions that store it ({@code xSTORE}, {@code IINC});
     * {@code jumps}: {from, to} instruction indexes of every jump and switch edge; {@code fieldsWritten}:
     * {@code owner.name} of every {@code PUTFIELD}/{@code PUTSTATIC}; {@code arrayStores}: the opcodes of the
     * array-element stores ({@code IASTORE} .. {@code SASTORE}) in the body.
     */
    public record Summary(Map<Integer, List<AbstractInsnNode>> writes, Set<Integer> reads, List<int[]> jumps,
                          Set<String> fieldsWritten, boolean writesMemory, boolean calls, boolean monitors,
                          boolean straightLine, Set<Integer> arrayStores) { }

    /** Summarises the instructions from {@code first} up to, not including, {@code end}. */
    public static Summary summarise(MethodNode method, AbstractInsnNode first, AbstractInsnNode end) {
        InsnList insns = method.instructions;
        Map<Integer, List<AbstractInsnNode>> writes = new LinkedHashMap<>();
        Set<Integer> reads = new HashSet<>();
        List<int[]> jumps = new ArrayList<>();
        Set<String> fields = new HashSet<>();
        boolean memory = false;
        boolean calls = false;
        boolean monitors = false;
        boolean straight = true;
        Set<Integer> arrayStores = new HashSet<>();
        for (AbstractInsnNode n = first; n != null && n != end; n = n.getNext()) {
            int op = n.getOpcode();
            if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) {
                arrayStores.add(op);
            }
            if (n instanceof IincInsnNode inc) {
                writes.computeIfAbsent(inc.var, k -> new ArrayList<>()).add(n);
                reads.add(inc.var);
            } else if (n instanceof VarInsnNode v) {
                if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
                    writes.computeIfAbsent(v.var, k -> new ArrayList<>()).add(n);
                } else if (op != Opcodes.RET) {
                    reads.add(v.var);
                }
            }
            if (n instanceof FieldInsnNode f && (op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC)) {
                fields.add(f.owner + "." + f.name);
            }
            memory |= (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) || op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC;
            calls |= n.getType() == AbstractInsnNode.METHOD_INSN || n.getType() == AbstractInsnNode.INVOKE_DYNAMIC_INSN;
            monitors |= op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT;
            List<LabelNode> targets = CountedLoops.targets(n);
            straight &= targets.isEmpty() && op != Opcodes.ATHROW && !(op >= Opcodes.IRETURN && op <= Opcodes.RETURN)
                    && op != Opcodes.JSR && op != Opcodes.RET;
            for (LabelNode t : targets) {
                jumps.add(new int[] {insns.indexOf(n), insns.indexOf(t)});
            }
        }
        return new Summary(writes, reads, jumps, fields, memory || calls, calls, monitors, straight, arrayStores);
    }

    /** True when no instruction outside {@code (headAt, backAt]} jumps to one inside it. */
    public static boolean isSingleEntry(MethodNode method, int headAt, int backAt) {
        InsnList insns = method.instructions;
        int at = 0;
        for (AbstractInsnNode n = insns.getFirst(); n != null; n = n.getNext(), at++) {
            if (at >= headAt && at <= backAt) {
                continue;
            }
            for (LabelNode target : CountedLoops.targets(n)) {
                int t = insns.indexOf(target);
                if (t > headAt && t <= backAt) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True for an instruction after which control never falls through to the next one (goto, switch, return, throw, ret). */
    public static boolean neverFallsThrough(AbstractInsnNode n) {
        int op = n.getOpcode();
        return op == Opcodes.GOTO || op == Opcodes.ATHROW || op == Opcodes.RET || (op >= Opcodes.TABLESWITCH && op <= Opcodes.RETURN);
    }

    /** True for an instruction that only pushes or combines values and cannot write: a loop bound's parts. */
    public static boolean isPureOperand(AbstractInsnNode n) {
        int op = n.getOpcode();
        return (op >= Opcodes.ILOAD && op <= Opcodes.ALOAD) || op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC
                || op == Opcodes.ARRAYLENGTH || (op >= Opcodes.IADD && op <= Opcodes.LXOR) || (op >= Opcodes.I2L && op <= Opcodes.I2S)
                || (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) || isStringLength(n)
                || longConstant(List.of(n)) != null;
    }

    /* String is immutable, so s.length() may be evaluated fewer or more times than the original does. */
    static boolean isStringLength(AbstractInsnNode n) {
        return n.getOpcode() == Opcodes.INVOKEVIRTUAL && n instanceof org.objectweb.asm.tree.MethodInsnNode m
                && m.owner.equals("java/lang/String") && m.name.equals("length") && m.desc.equals("()I");
    }

    /*
     * A field read is invariant when the body calls nothing (a call could write any field) and has
     * no putfield/putstatic of that field; the object it reads from must be invariant too, which
     * the caller checks on the instruction that pushes it. Array lengths never change.
     */
    /** True when {@code n}, evaluated anywhere in a loop with body {@code body}, gives the same value. */
    public static boolean isInvariant(AbstractInsnNode n, Summary body) {
        int op = n.getOpcode();
        if (n instanceof VarInsnNode v) {
            return op >= Opcodes.ILOAD && op <= Opcodes.ALOAD && !body.writes().containsKey(v.var);
        }
        if (n instanceof FieldInsnNode f && (op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC)) {
            return !body.calls() && !body.fieldsWritten().contains(f.owner + "." + f.name);
        }
        if (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) {
            /* JVM arrays are typed: an element loaded by xaload changes only by an xastore of the same kind (or in a
             * call). A stencil writing out[i][j] (dastore) leaves the row in[i] (aaload) and so j < in[i].length alone. */
            return !body.calls() && !body.arrayStores().contains(op + (Opcodes.IASTORE - Opcodes.IALOAD));
        }
        return op == Opcodes.ARRAYLENGTH || isStringLength(n) || longConstant(List.of(n)) != null
                || (op >= Opcodes.IADD && op <= Opcodes.LXOR) || (op >= Opcodes.I2L && op <= Opcodes.I2S);
    }

    /** The value of a one-instruction integer constant ({@code int} or {@code long}), or null. */
    public static Long longConstant(List<AbstractInsnNode> insns) {
        if (insns.size() != 1) {
            return null;
        }
        AbstractInsnNode n = insns.get(0);
        Integer i = CountedLoops.intConstant(n);
        if (i != null) {
            return (long) i;
        }
        int op = n.getOpcode();
        if (op == Opcodes.LCONST_0 || op == Opcodes.LCONST_1) {
            return (long) (op - Opcodes.LCONST_0);
        }
        return n instanceof LdcInsnNode ldc && ldc.cst instanceof Long l ? l : null;
    }
}
