package dev.selftune.generate.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import dev.selftune.generate.CountedLoops;
import dev.selftune.generate.InductionVar;
import dev.selftune.generate.LocalNames;
import dev.selftune.generate.Loop;
import dev.selftune.generate.Loops;
import dev.selftune.generate.Transform;
import dev.selftune.generate.TransformContext;

/**
 * Reads a derived index as a linear function of the loop's counter: in
 * {@code for (i = 0; i < n; i++) { y[iy] += a * x[ix]; ix += 1; iy += 1; }} every read of {@code ix}
 * becomes {@code bx + i} with {@code bx = ix - i} taken once on entry, so {@code x[bx + i]} is an access
 * C2 sees as linear in its counted loop. Parameter {@code loop}: which loop of {@link Loops#find}.
 *
 * <p>Why: BLAS-style code (reference BLAS, netlib ports, EJML's {@code indexA++}) walks arrays with
 * separate index locals stepped beside the counter. C2 turns a parallel induction variable into a
 * function of the counter only in some shapes; where it does not, the access keeps its range check
 * and blocks the vectoriser. After {@code specialise} folds a usual stride of 1 into such a loop, the
 * indices step by constants and this rewrite makes them the {@code x[off + i]} a hand-written loop has
 * (a daxpy specialised to unit strides ran 31 us a call; written with {@code off + i}, 25 us).
 *
 * <p>Exact when: the loop is top-tested with an int counter stepping by +1 and a straight-line body (so
 * each update runs exactly once per iteration, at a known place); the derived local is an int stepped
 * by a constant c at one place; no jump other than the back edge reaches the head. Then at every point
 * of the body the local equals {@code b + c*i + c*[its update came before] - c*[the counter's update came
 * before]}, with {@code b = d - c*i} on entry, in int arithmetic mod 2^32 exactly as the repeated
 * additions. The update itself stays, so the local is right after the loop; C2 drops it when unread.
 */
public final class LinearIndex implements Transform {
    public static final String NAME = "linear-index";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Map<String, Integer>> candidates(ClassNode owner, MethodNode method, TransformContext ctx) {
        return LoopPlans.candidates(method, l -> plan(method, l));
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode method, Map<String, Integer> params, TransformContext ctx) {
        /* the plan names the loop's induction variables; the loop itself is found again by the same index */
        if (!(LoopPlans.planAt(method, params, l -> plan(method, l)) instanceof List<?> ds)) {
            return false;
        }
        Loop loop = Loops.find(method).get(params.get("loop"));
        for (Object o : ds) {
            rewrite(method, loop, (InductionVar) o);
        }
        return true;
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode method, TransformContext ctx) {
        return LoopPlans.whyNot(method, l -> plan(method, l), "no loop");
    }

    /* The derived locals to rewrite (a List), or why the loop is left alone (a String). */
    private static Object plan(MethodNode m, Loop l) {
        String i = LocalNames.describe(m, l.iv().slot());
        if (l.bottomTested() || l.iv().isLong() || !l.iv().isUnitStep() || l.exceptionEdges()) {
            return "the loop over " + i + " is not a top-tested int loop stepping by 1";
        }
        List<InductionVar> ds = new ArrayList<>();
        for (InductionVar d : l.derived()) {
            if (!d.isLong() && d.step() != null && d.step() == (int) (long) d.step() && reads(m, l, d.slot()) > 0) {
                ds.add(d);
            }
        }
        if (ds.isEmpty()) {
            return "the loop over " + i + " steps no other int local by a constant that the body reads";
        }
        if (!l.straightLine()) {
            return "the loop over " + i + " branches, so an index may be read before or after its update on different paths";
        }
        if (enteredElsewhere(m, l)) {
            return "the head of the loop over " + i + " is reached by a jump other than its back edge";
        }
        return ds;
    }

    private static int reads(MethodNode m, Loop l, int slot) {
        int n = 0;
        for (AbstractInsnNode x = l.bodyFirst(); x != null && x != l.backEdge(); x = x.getNext()) {
            if (x instanceof VarInsnNode v && v.var == slot && v.getOpcode() == Opcodes.ILOAD) {
                n++;
            }
        }
        return n;
    }

    private static boolean enteredElsewhere(MethodNode m, Loop l) {
        LabelNode head = l.head();
        for (AbstractInsnNode n : m.instructions) {
            if (n != l.backEdge() && CountedLoops.targets(n).contains(head)) {
                return true;
            }
        }
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            if (t.handler == head) {
                return true;
            }
        }
        return false;
    }

    private static void rewrite(MethodNode m, Loop l, InductionVar d) {
        InsnList insns = m.instructions;
        int i = l.iv().slot();
        int c = (int) (long) d.step();
        int base = m.maxLocals;
        m.maxLocals += 1;
        /* on entry, before the head the back edge jumps to: base = d - c*i */
        InsnList entry = new InsnList();
        entry.add(new VarInsnNode(Opcodes.ILOAD, d.slot()));
        entry.add(new VarInsnNode(Opcodes.ILOAD, i));
        multiply(entry, c);
        entry.add(new InsnNode(Opcodes.ISUB));
        entry.add(new VarInsnNode(Opcodes.ISTORE, base));
        insns.insertBefore(l.head(), entry);
        int dUpdate = insns.indexOf(d.update());
        int iUpdate = insns.indexOf(l.iv().update());
        List<VarInsnNode> loads = new ArrayList<>();
        for (AbstractInsnNode x = l.bodyFirst(); x != null && x != l.backEdge(); x = x.getNext()) {
            if (x instanceof VarInsnNode v && v.var == d.slot() && v.getOpcode() == Opcodes.ILOAD) {
                loads.add(v);
            }
        }
        for (VarInsnNode v : loads) {
            int at = insns.indexOf(v);
            int adjust = (dUpdate < at ? c : 0) - (iUpdate < at ? c : 0);
            InsnList read = new InsnList();
            read.add(new VarInsnNode(Opcodes.ILOAD, base));
            read.add(new VarInsnNode(Opcodes.ILOAD, i));
            multiply(read, c);
            read.add(new InsnNode(Opcodes.IADD));
            if (adjust != 0) {
                read.add(LoopCode.pushInt(adjust));
                read.add(new InsnNode(Opcodes.IADD));
            }
            insns.insertBefore(v, read);
            insns.remove(v);
        }
    }

    /* value on the stack times c (nothing for 1, a negation for -1) */
    private static void multiply(InsnList out, int c) {
        if (c == 1) {
            return;
        }
        if (c == -1) {
            out.add(new InsnNode(Opcodes.INEG));
            return;
        }
        out.add(LoopCode.pushInt(c));
        out.add(new InsnNode(Opcodes.IMUL));
    }
}
