package dev.selftune.generate.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;
import dev.selftune.generate.LocalNames;
import dev.selftune.generate.Loop;
import dev.selftune.generate.LoopBodies;

/**
 * The run-time checks that make moving reads ahead of a jammed epilogue exact: every object the
 * epilogue writes into (an array it stores to, the receiver of a call) must differ from every array
 * and object the loop test, prologue and inner loop read. Each side is a re-evaluable expression: a
 * local the outer loop does not write, or a field of such a local.
 */
final class EpilogueEffects {
    private EpilogueEffects() { }

    /**
     * The checks, in two kinds. {@code early}: pairs of expressions that mean the same object for every
     * copy of a block (a local the outer loop leaves alone, or a field of one), tested once ahead of
     * the block. {@code late}: pairs where one side is a copy's own object, a row {@code c[j]} of such a
     * local at the outer index or a private local ({@code double[] arow = a[j]} before the inner
     * loop); they are tested after the jammed inner loops, when every copy's privates hold their
     * values, as "copy c's target is not copy c2's source" for every c < c2 ({@link JamCode}). A
     * late pair is made only where the two could be one object at all: an array store and an array
     * load of the same element kind ({@code dastore} never writes an {@code int[]} or a {@code double[][]}).
     */
    record Checks(List<List<AbstractInsnNode>[]> early, List<Late> late) { }

    /* The kind of a source only read by getfield: an object with fields, never an array. */
    private static final int FIELDS = -2;

    /** A late pair: the target and source expressions, and whether each is per copy (renamed for copy c) or shared. */
    record Late(List<AbstractInsnNode> target, boolean targetPerCopy, List<AbstractInsnNode> source, boolean sourcePerCopy) { }

    /*
     * Why c < c2 suffices: the original runs copy c's epilogue (its writes) before copy c2's prologue and
     * inner loop (its reads) only when c < c2; the jammed block moves those reads ahead of the writes.
     * Reads of a copy's own target (c == c2) and everything across blocks keep their order.
     */
    @SuppressWarnings("unchecked")
    static Checks guards(MethodNode method, Frame<SourceValue>[] frames, Loop outer,
                         AbstractInsnNode bodyFirst, Loop inner, AbstractInsnNode epilogueFirst,
                         AbstractInsnNode end, Set<Integer> privates) throws JamPlan.Refused {
        InsnList insns = method.instructions;
        Set<Integer> written = LoopBodies.summarise(method, bodyFirst, outer.backEdge()).writes().keySet();
        int j = outer.iv().slot();
        Map<String, List<AbstractInsnNode>> targets = new LinkedHashMap<>();
        Map<String, Integer> targetKinds = new LinkedHashMap<>();
        Set<String> perCopy = new java.util.HashSet<>();
        boolean calls = false;
        for (AbstractInsnNode n = epilogueFirst; n != end; n = n.getNext()) {
            int op = n.getOpcode();
            int depth;
            if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) {
                depth = 2;
            } else if (n instanceof MethodInsnNode call) {
                depth = Type.getArgumentTypes(call.desc).length;
                calls = true;
            } else {
                continue;
            }
            Frame<SourceValue> f = frames[insns.indexOf(n)];
            SourceValue v = f == null ? null : f.getStack(f.getStackSize() - 1 - depth);
            List<AbstractInsnNode> e = v == null ? null : expr(method, frames, v, written);
            if (e == null && v != null && op != Opcodes.INVOKEVIRTUAL && op != Opcodes.INVOKEINTERFACE) {
                e = ownObject(method, frames, v, written, privates, j);
                if (e != null) {
                    perCopy.add(key(e));
                }
            }
            if (e == null) {
                throw new JamPlan.Refused("the code after the inner loop writes through an object that is not a local the outer "
                        + "loop leaves alone (or a field of one, a row of one at the outer index, or a local set before the inner "
                        + "loop), so no run-time check can show the inner loop's reads unaffected");
            }
            targets.put(key(e), e);
            targetKinds.merge(key(e), n instanceof MethodInsnNode ? -1 : op - Opcodes.IASTORE, (a, b) -> a.equals(b) ? a : -1);
        }
        List<List<AbstractInsnNode>[]> guards = new ArrayList<>();
        List<Late> late = new ArrayList<>();
        if (targets.isEmpty()) {
            return new Checks(guards, late);
        }
        Map<String, List<AbstractInsnNode>> sources = new LinkedHashMap<>();
        Map<String, Integer> sourceKinds = new LinkedHashMap<>();
        for (AbstractInsnNode n = outer.head(); n != epilogueFirst; n = n.getNext()) {
            int op = n.getOpcode();
            int depth = op >= Opcodes.IALOAD && op <= Opcodes.SALOAD ? 1 : op == Opcodes.GETFIELD ? 0 : -1;
            if (depth < 0) {
                continue;
            }
            Frame<SourceValue> f = frames[insns.indexOf(n)];
            SourceValue v = f == null ? null : f.getStack(f.getStackSize() - 1 - depth);
            List<AbstractInsnNode> e = v == null ? null : expr(method, frames, v, written);
            if (e == null && v != null && op != Opcodes.GETFIELD) {
                e = ownObject(method, frames, v, written, privates, j);
                if (e != null) {
                    perCopy.add(key(e));
                }
            }
            if (e == null) {
                throw new JamPlan.Refused("the loops read through an object that is not a local the outer loop leaves alone (or a "
                        + "field of one), and the code after the inner loop writes memory: no run-time check can separate them");
            }
            sources.put(key(e), e);
            sourceKinds.merge(key(e), op == Opcodes.GETFIELD ? FIELDS : op - Opcodes.IALOAD, (a, b) -> a.equals(b) ? a : -1);
        }
        if (!perCopy.isEmpty() && calls) {
            throw new JamPlan.Refused("the code after the inner loop calls a method and the loops use a row or local of each "
                    + "iteration's own; only array stores are checked per iteration");
        }
        for (Map.Entry<String, List<AbstractInsnNode>> t : targets.entrySet()) {
            for (Map.Entry<String, List<AbstractInsnNode>> s : sources.entrySet()) {
                boolean tOwn = perCopy.contains(t.getKey());
                boolean sOwn = perCopy.contains(s.getKey());
                if (tOwn || sOwn) {
                    int tk = targetKinds.get(t.getKey());
                    int sk = sourceKinds.get(s.getKey());
                    if (tk >= 0 && (sk == FIELDS || sk >= 0 && tk != sk)) {
                        continue;   // an array store never writes an object whose fields are read, nor an array of another kind
                    }
                    late.add(new Late(t.getValue(), tOwn, s.getValue(), sOwn));
                    continue;
                }
                if (t.getKey().equals(s.getKey())) {
                    throw new JamPlan.Refused("the code after the inner loop writes into " + describe(method, t.getValue())
                            + ", which the loops read; its iterations depend on each other");
                }
                guards.add(new List[] {t.getValue(), s.getValue()});
            }
        }
        return new Checks(guards, late);
    }

    /*
     * An object of the copy's own: a private local (set before the inner loop, renamed per copy), or
     * "x[j]" with x a local the outer loop leaves alone (or a field of one) and j the outer index.
     * Evaluating either again after the inner loops gives the copy's object: x is unchanged and the
     * copy's j and privates are still in their slots. An aaload may throw (x null, j out of range):
     * the late checks run inside the block's handler, which falls back to the original loop.
     */
    private static List<AbstractInsnNode> ownObject(MethodNode method, Frame<SourceValue>[] frames, SourceValue v,
                                                    Set<Integer> written, Set<Integer> privates, int j) {
        if (v.insns.size() != 1) {
            return null;
        }
        AbstractInsnNode p = v.insns.iterator().next();
        if (p instanceof VarInsnNode load && p.getOpcode() == Opcodes.ALOAD && privates.contains(load.var)) {
            return List.of(p);
        }
        if (p.getOpcode() == Opcodes.AALOAD) {
            Frame<SourceValue> at = frames[method.instructions.indexOf(p)];
            if (at == null) {
                return null;
            }
            SourceValue index = at.getStack(at.getStackSize() - 1);
            List<AbstractInsnNode> array = expr(method, frames, at.getStack(at.getStackSize() - 2), written);
            if (array != null && index.insns.size() == 1 && index.insns.iterator().next() instanceof VarInsnNode iv
                    && iv.getOpcode() == Opcodes.ILOAD && iv.var == j) {
                List<AbstractInsnNode> out = new ArrayList<>(array);
                out.add(iv);
                out.add(p);
                return out;
            }
        }
        return null;
    }

    /* [aload x] or [aload x, getfield f] with x not written in the outer loop, else null. */
    static List<AbstractInsnNode> expr(MethodNode method, Frame<SourceValue>[] frames, SourceValue v, Set<Integer> written) {
        if (v.insns.size() != 1) {
            return null;
        }
        AbstractInsnNode p = v.insns.iterator().next();
        if (p instanceof VarInsnNode load && p.getOpcode() == Opcodes.ALOAD && !written.contains(load.var)) {
            return List.of(p);
        }
        if (p.getOpcode() == Opcodes.DUP || p.getOpcode() == Opcodes.DUP2) {
            /* a copy of one of the inputs: resolvable when exactly one of them is a reference we can re-evaluate */
            Frame<SourceValue> at = frames[method.instructions.indexOf(p)];
            List<AbstractInsnNode> found = null;
            int inputs = p.getOpcode() == Opcodes.DUP ? 1 : Math.min(2, at == null ? 0 : at.getStackSize());
            for (int k = 0; k < inputs; k++) {
                List<AbstractInsnNode> e = expr(method, frames, at.getStack(at.getStackSize() - 1 - k), written);
                if (e != null && found != null) {
                    return null;
                }
                found = e != null ? e : found;
            }
            return found;
        }
        if (p instanceof FieldInsnNode f && p.getOpcode() == Opcodes.GETFIELD && (f.desc.startsWith("L") || f.desc.startsWith("["))) {
            Frame<SourceValue> at = frames[method.instructions.indexOf(p)];
            List<AbstractInsnNode> obj = at == null ? null : expr(method, frames, at.getStack(at.getStackSize() - 1), written);
            if (obj != null && obj.size() == 1) {
                return List.of(obj.get(0), f);
            }
        }
        return null;
    }

    private static String key(List<AbstractInsnNode> e) {
        String k = "local " + ((VarInsnNode) e.get(0)).var;
        if (e.get(e.size() - 1).getOpcode() == Opcodes.AALOAD) {
            return key(e.subList(0, e.size() - 2)) + "[local " + ((VarInsnNode) e.get(e.size() - 2)).var + "]";
        }
        return e.size() == 1 ? k : k + "." + ((FieldInsnNode) e.get(1)).name;
    }

    static String describe(MethodNode method, List<AbstractInsnNode> e) {
        if (e.get(e.size() - 1).getOpcode() == Opcodes.AALOAD) {
            return describe(method, e.subList(0, e.size() - 2)) + "[" + LocalNames.describe(method, ((VarInsnNode) e.get(e.size() - 2)).var) + "]";
        }
        String base = LocalNames.describe(method, ((VarInsnNode) e.get(0)).var);
        return e.size() == 1 ? base : base + "." + ((FieldInsnNode) e.get(1)).name;
    }
}
