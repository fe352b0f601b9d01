package dev.selftune.generate.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;
import dev.selftune.generate.CountedLoop;
import dev.selftune.generate.CountedLoops;

/**
 * Finds reductions {@code acc = acc OP e} (and Horner steps {@code h = C*h + e}) in a counted loop
 * whose accumulator local is read and written exactly once in the body.
 */
final class Reductions {
    private Reductions() { }

    /** One reduction; {@code load} is null for an {@code iinc} counter, {@code constant}/{@code mul} are set for Horner. */
    record Reduction(int local, char sort, int op, AbstractInsnNode load, AbstractInsnNode opInsn,
                     AbstractInsnNode store, AbstractInsnNode constant, AbstractInsnNode mul, long multiplier) {
        boolean horner() {
            return mul != null;
        }
    }

    private static final Set<Integer> EXACT = Set.of(Opcodes.IADD, Opcodes.ISUB, Opcodes.IMUL, Opcodes.IAND,
            Opcodes.IOR, Opcodes.IXOR, Opcodes.LADD, Opcodes.LSUB, Opcodes.LMUL, Opcodes.LAND, Opcodes.LOR, Opcodes.LXOR);

    static Frame<SourceValue>[] frames(ClassNode owner, MethodNode method) {
        try {
            return new Analyzer<>(new SourceInterpreter()).analyze(owner.name, method);
        } catch (AnalyzerException | RuntimeException e) {
            return null;
        }
    }

    /*
     * Soundness: the accumulator is read once and written once per iteration (or counted by one
     * iinc), the value read flows straight into OP (no dup/swap copies it elsewhere), and OP's
     * result is what is stored. Then no other code observes intermediate values, and because OP
     * is associative and commutative (exactly, mod 2^n, for the integer ops) any grouping of the
     * updates gives the same final value, even when the update is conditional.
     */
    static List<Reduction> find(ClassNode owner, MethodNode method, CountedLoop loop, boolean fp) {
        Frame<SourceValue>[] frames = frames(owner, method);
        List<Reduction> out = new ArrayList<>();
        if (frames == null) {
            return out;
        }
        InsnList insns = method.instructions;
        Map<Integer, List<AbstractInsnNode>> loads = new HashMap<>();
        Map<Integer, List<AbstractInsnNode>> writes = new HashMap<>();
        int boundLocal = loop.bound().isEmpty() || !(loop.bound().get(0) instanceof VarInsnNode v) ? -1 : v.var;
        for (AbstractInsnNode n = loop.bodyFirst(); n != loop.increment(); n = n.getNext()) {
            if (n instanceof VarInsnNode v) {
                (v.getOpcode() >= Opcodes.ISTORE ? writes : loads).computeIfAbsent(v.var, x -> new ArrayList<>()).add(n);
            } else if (n instanceof IincInsnNode i) {
                writes.computeIfAbsent(i.var, x -> new ArrayList<>()).add(n);
            }
        }
        for (Map.Entry<Integer, List<AbstractInsnNode>> w : writes.entrySet()) {
            int local = w.getKey();
            List<AbstractInsnNode> ld = loads.getOrDefault(local, List.of());
            if (w.getValue().size() != 1 || local == loop.inductionVar() || local == boundLocal) {
                continue;
            }
            AbstractInsnNode store = w.getValue().get(0);
            if (store instanceof IincInsnNode && ld.isEmpty()) {
                /* a count under a condition (if (a[i] > t) n++) is a reduction worth splitting; the same step on
                 * every trip of a straight-line body is an induction variable nobody reads in the loop (ix += 1
                 * beside i++, the old counter trip-count leaves in its copy): no chain to break, only slots spent */
                if (!straightLine(loop)) {
                    out.add(new Reduction(local, 'I', Opcodes.IADD, null, null, store, null, null, 0));
                }
                continue;
            }
            if (ld.size() != 1 || store instanceof IincInsnNode || copied(insns, frames, loop, ld.get(0))) {
                continue;
            }
            AbstractInsnNode load = ld.get(0);
            if (store.getOpcode() < Opcodes.ISTORE || store.getOpcode() > Opcodes.DSTORE) {
                continue;
            }
            char sort = "IJFD".charAt(store.getOpcode() - Opcodes.ISTORE);
            if (sort != "IJFD".charAt(load.getOpcode() - Opcodes.ILOAD)) {
                continue;
            }
            AbstractInsnNode op = CountedLoops.previousReal(store);
            Frame<SourceValue> atStore = frames[insns.indexOf(store)];
            Frame<SourceValue> atOp = frames[insns.indexOf(op)];
            if (atStore == null || atOp == null || !only(atStore.getStack(atStore.getStackSize() - 1), op)) {
                continue;
            }
            SourceValue left = atOp.getStack(atOp.getStackSize() - 2);
            SourceValue right = atOp.getStack(atOp.getStackSize() - 1);
            int opc = op.getOpcode();
            boolean allowed = EXACT.contains(opc) || (fp && (opc == Opcodes.FADD || opc == Opcodes.DADD))
                    || minOrMax(op, sort);
            boolean commutes = opc != Opcodes.ISUB && opc != Opcodes.LSUB;
            if (allowed && (only(left, load) || (commutes && only(right, load)))) {
                out.add(new Reduction(local, sort, opc, load, op, store, null, null, 0));
            } else if ((opc == Opcodes.IADD || opc == Opcodes.LADD) && loop.isStraightLine()) {
                Reduction h = horner(insns, frames, local, sort, load, op, store, left, right);
                if (h != null) {
                    out.add(h);
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.local(), b.local()));
        return out;
    }

    /* h = C*h + e  or  h = h*C + e  or  h = e + C*h: the product's three instructions are adjacent. */
    private static Reduction horner(InsnList insns, Frame<SourceValue>[] frames, int local, char sort,
                                    AbstractInsnNode load, AbstractInsnNode add, AbstractInsnNode store,
                                    SourceValue left, SourceValue right) {
        int mulOp = sort == 'I' ? Opcodes.IMUL : Opcodes.LMUL;
        for (SourceValue side : List.of(left, right)) {
            if (side.insns.size() != 1) {
                continue;
            }
            AbstractInsnNode mul = side.insns.iterator().next();
            if (mul.getOpcode() != mulOp) {
                continue;
            }
            AbstractInsnNode b = CountedLoops.previousReal(mul);
            AbstractInsnNode a = b == null ? null : CountedLoops.previousReal(b);
            AbstractInsnNode constant = a == load ? b : b == load ? a : null;
            Long c = constant == null ? null : longConstant(constant, sort);
            if (c != null && a != null) {
                return new Reduction(local, sort, add.getOpcode(), load, add, store, constant, mul, c);
            }
        }
        return null;
    }

    /*
     * Math.min/max are exact reductions for every primitive type, floating point included: they
     * select under a total order (-0.0 below 0.0, NaN absorbing), so any grouping picks the same
     * value, bit for bit. No FP opt-in is needed.
     */
    static boolean minOrMax(AbstractInsnNode n, char sort) {
        return n instanceof MethodInsnNode m && m.getOpcode() == Opcodes.INVOKESTATIC && m.owner.equals("java/lang/Math")
                && (m.name.equals("min") || m.name.equals("max"))
                && m.desc.equals("(" + sort + sort + ")" + sort);
    }

    private static Long longConstant(AbstractInsnNode n, char sort) {
        if (sort == 'I') {
            Integer v = CountedLoops.intConstant(n);
            return v == null ? null : (long) v;
        }
        if (n.getOpcode() == Opcodes.LCONST_0 || n.getOpcode() == Opcodes.LCONST_1) {
            return (long) (n.getOpcode() - Opcodes.LCONST_0);
        }
        return n instanceof LdcInsnNode l && l.cst instanceof Long v ? v : null;
    }

    /** True when a dup/swap in the loop copies the value {@code load} pushed. */
    private static boolean copied(InsnList insns, Frame<SourceValue>[] frames, CountedLoop loop, AbstractInsnNode load) {
        for (AbstractInsnNode n = loop.bodyFirst(); n != loop.increment(); n = n.getNext()) {
            int op = n.getOpcode();
            if ((op >= Opcodes.DUP && op <= Opcodes.SWAP)) {
                Frame<SourceValue> f = frames[insns.indexOf(n)];
                for (int i = 0; f != null && i < Math.min(4, f.getStackSize()); i++) {
                    if (f.getStack(f.getStackSize() - 1 - i).insns.contains(load)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean only(SourceValue v, AbstractInsnNode insn) {
        return v.insns.size() == 1 && v.insns.contains(insn);
    }

    /* No jump or switch in the loop's body: every instruction in it runs once per trip. */
    private static boolean straightLine(CountedLoop loop) {
        for (AbstractInsnNode n = loop.bodyFirst(); n != loop.increment(); n = n.getNext()) {
            if (n instanceof JumpInsnNode || n.getType() == AbstractInsnNode.TABLESWITCH_INSN
                    || n.getType() == AbstractInsnNode.LOOKUPSWITCH_INSN) {
                return false;
            }
        }
        return true;
    }
}
