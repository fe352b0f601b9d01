package dev.selftune.generate.transform;

import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import dev.selftune.generate.Loop;

/** Writes the row-accumulation block of a {@link RowPlan} at the entry of the loop over j. */
final class RowCode {
    /** Rows longer than this run the original code: the buffer stays a few MB at most. */
    static final int MAX_ROW = 1 << 20;

    private RowCode() { }

    /*
     * Inserted where the code before the loop falls into its head (after j = j0), so it runs once
     * per entry of the loop; the back edge still jumps to the head and bypasses it:
     *   try {                                               // RuntimeException -> original loop
     *     n = (long) bound - j; if (n <= 0 || n > MAX_ROW) goto original;
     *     if (target == source) goto original;              // per pair of the epilogue guards
     *     if (buf == null || buf.length < n) buf = new T[n];  // buf is null on method entry
     *     j0 = j; <prologue for j0>; for jj: buf[jj] = acc;
     *     while (<inner test>) { <pre>; x = X; for jj: buf[jj] = buf[jj] + x * Y[v -> v + jj]; <post> }
     *   }
     *   for jj: { j = j0 + jj; acc = buf[jj]; <epilogue> }  // the stores, in the original order
     *   v += n - 1 for each derived v that varies with j;  j = j0 + n;  goto head   // head's test exits
     *   original: <the loop, untouched>
     * The try part writes only locals the original loop sets before reading and the fresh buffer,
     * so falling back replays the loop from j0 and throws (or not) where and as the original does.
     */
    static void emit(MethodNode m, RowPlan plan) {
        emit(m, plan, 0);
    }

    /**
     * {@code group} 0: the block above. {@code group} > 0 (needs {@code plan.rows()}): each step's row of
     * Y is a cached copy (see {@link RowCopies}) and {@code group} steps are added per pass over the row.
     */
    static void emit(MethodNode m, RowPlan plan, int group) {
        Loop outer = plan.jam().outer();
        Loop inner = plan.jam().inner();
        int j = outer.iv().slot();
        int off = "IJFD".indexOf(plan.sort());
        int wide = plan.sort() == 'J' || plan.sort() == 'D' ? 2 : 1;
        int buf = m.maxLocals++;
        int n = m.maxLocals++;
        int j0 = m.maxLocals++;
        int jj = m.maxLocals++;
        int x = m.maxLocals;
        m.maxLocals += wide;
        RowCopies.Code rows = group > 0 ? new RowCopies.Code(m, plan, group, wide) : null;
        InsnList init = new InsnList();
        init.add(new InsnNode(Opcodes.ACONST_NULL));
        init.add(new VarInsnNode(Opcodes.ASTORE, buf));
        if (rows != null) {
            rows.init(init);
        }
        m.instructions.insert(init);

        LabelNode tryStart = new LabelNode();
        LabelNode tryEnd = new LabelNode();
        LabelNode handler = new LabelNode();
        LabelNode original = new LabelNode();
        LabelNode fresh = new LabelNode();
        LabelNode ready = new LabelNode();
        InsnList out = new InsnList();
        out.add(tryStart);
        outer.bound().forEach(b -> out.add(b.clone(Map.of())));
        out.add(new InsnNode(Opcodes.I2L));
        out.add(new VarInsnNode(Opcodes.ILOAD, j));
        out.add(new InsnNode(Opcodes.I2L));
        out.add(new InsnNode(Opcodes.LSUB));
        LabelNode tooFew = new LabelNode();
        LabelNode inRange = new LabelNode();
        out.add(new InsnNode(Opcodes.DUP2));
        out.add(new InsnNode(Opcodes.LCONST_0));
        out.add(new InsnNode(Opcodes.LCMP));
        out.add(new JumpInsnNode(Opcodes.IFLE, tooFew));
        out.add(new InsnNode(Opcodes.DUP2));
        out.add(new LdcInsnNode((long) MAX_ROW));
        out.add(new InsnNode(Opcodes.LCMP));
        out.add(new JumpInsnNode(Opcodes.IFLE, inRange));
        out.add(tooFew);
        out.add(new InsnNode(Opcodes.POP2));
        out.add(new JumpInsnNode(Opcodes.GOTO, original));
        out.add(inRange);
        out.add(new InsnNode(Opcodes.L2I));
        out.add(new VarInsnNode(Opcodes.ISTORE, n));
        for (List<AbstractInsnNode>[] pair : plan.guards()) {
            pair[0].forEach(g -> out.add(g.clone(Map.of())));
            pair[1].forEach(g -> out.add(g.clone(Map.of())));
            out.add(new JumpInsnNode(Opcodes.IF_ACMPEQ, original));
        }
        out.add(new VarInsnNode(Opcodes.ALOAD, buf));
        out.add(new JumpInsnNode(Opcodes.IFNULL, fresh));
        out.add(new VarInsnNode(Opcodes.ALOAD, buf));
        out.add(new InsnNode(Opcodes.ARRAYLENGTH));
        out.add(new VarInsnNode(Opcodes.ILOAD, n));
        out.add(new JumpInsnNode(Opcodes.IF_ICMPGE, ready));
        out.add(fresh);
        out.add(new VarInsnNode(Opcodes.ILOAD, n));
        out.add(new IntInsnNode(Opcodes.NEWARRAY, new int[] {Opcodes.T_INT, Opcodes.T_LONG, Opcodes.T_FLOAT, Opcodes.T_DOUBLE}[off]));
        out.add(new VarInsnNode(Opcodes.ASTORE, buf));
        out.add(ready);
        if (rows != null) {
            rows.enter(out, n);
        }
        out.add(new VarInsnNode(Opcodes.ILOAD, j));
        out.add(new VarInsnNode(Opcodes.ISTORE, j0));
        copy(out, outer.bodyFirst(), inner.head(), null, jj);
        forEachElement(out, jj, n, () -> {
            InsnList b = new InsnList();
            b.add(new VarInsnNode(Opcodes.ALOAD, buf));
            b.add(new VarInsnNode(Opcodes.ILOAD, jj));
            b.add(new VarInsnNode(Opcodes.ILOAD + off, plan.acc()));
            b.add(new InsnNode(Opcodes.IASTORE + off));
            return b;
        });
        if (rows != null) {
            rows.steps(out, buf, n, jj, original);
            rows.dropWritten(out);
        } else {
            steps(out, plan, buf, n, jj, x);
        }
        out.add(tryEnd);
        forEachElement(out, jj, n, () -> {
            InsnList b = new InsnList();
            b.add(new VarInsnNode(Opcodes.ILOAD, j0));
            b.add(new VarInsnNode(Opcodes.ILOAD, jj));
            b.add(new InsnNode(Opcodes.IADD));
            b.add(new VarInsnNode(Opcodes.ISTORE, j));
            b.add(new VarInsnNode(Opcodes.ALOAD, buf));
            b.add(new VarInsnNode(Opcodes.ILOAD, jj));
            b.add(new InsnNode(Opcodes.IALOAD + off));
            b.add(new VarInsnNode(Opcodes.ISTORE + off, plan.acc()));
            copy(b, plan.jam().epilogueFirst(), outer.iv().update(), null, jj);
            return b;
        });
        for (int v : plan.varyIvs()) {
            out.add(new VarInsnNode(Opcodes.ILOAD, v));
            out.add(new VarInsnNode(Opcodes.ILOAD, n));
            out.add(new InsnNode(Opcodes.ICONST_1));
            out.add(new InsnNode(Opcodes.ISUB));
            out.add(new InsnNode(Opcodes.IADD));
            out.add(new VarInsnNode(Opcodes.ISTORE, v));
        }
        out.add(new VarInsnNode(Opcodes.ILOAD, j0));
        out.add(new VarInsnNode(Opcodes.ILOAD, n));
        out.add(new InsnNode(Opcodes.IADD));
        out.add(new VarInsnNode(Opcodes.ISTORE, j));
        out.add(new JumpInsnNode(Opcodes.GOTO, outer.head()));
        out.add(handler);
        out.add(new InsnNode(Opcodes.POP));
        out.add(original);
        if (rows != null) {
            rows.dropAll(out);
        }
        m.instructions.insertBefore(outer.head(), out);
        m.tryCatchBlocks.add(0, new TryCatchBlockNode(tryStart, tryEnd, handler, "java/lang/RuntimeException"));
    }

    /* The inner loop, one step per pass over the row: buf[jj] = buf[jj] + x * Y(v + jj). */
    private static void steps(InsnList out, RowPlan plan, int buf, int n, int jj, int x) {
        Loop inner = plan.jam().inner();
        int off = "IJFD".indexOf(plan.sort());
        LabelNode innerHead = new LabelNode();
        LabelNode innerExit = new LabelNode();
        out.add(innerHead);
        copy(out, inner.head(), inner.test(), null, jj);
        out.add(new JumpInsnNode(inner.test().getOpcode(), innerExit));
        copy(out, inner.test().getNext(), plan.accLoad(), null, jj);
        boolean product = plan.mul() != null;   // else 's += y': the whole added value is y
        AbstractInsnNode xFrom = plan.xIsFirst() ? plan.op1() : plan.op2();
        AbstractInsnNode xTo = plan.xIsFirst() ? plan.op2() : plan.mul();
        AbstractInsnNode yFrom = plan.xIsFirst() ? plan.op2() : plan.op1();
        AbstractInsnNode yTo = plan.xIsFirst() ? plan.mul() : plan.op2();
        if (product) {
            copy(out, xFrom, xTo, null, jj);
            out.add(new VarInsnNode(Opcodes.ISTORE + off, x));
        }
        forEachElement(out, jj, n, () -> {
            InsnList b = new InsnList();
            b.add(new VarInsnNode(Opcodes.ALOAD, buf));
            b.add(new VarInsnNode(Opcodes.ILOAD, jj));
            b.add(new InsnNode(Opcodes.DUP2));
            b.add(new InsnNode(Opcodes.IALOAD + off));
            if (product && plan.xIsFirst()) {
                b.add(new VarInsnNode(Opcodes.ILOAD + off, x));
            }
            copy(b, yFrom, yTo, plan, jj);
            if (product && !plan.xIsFirst()) {
                b.add(new VarInsnNode(Opcodes.ILOAD + off, x));
            }
            if (product) {
                b.add(new InsnNode(Opcodes.IMUL + off));
            }
            b.add(new InsnNode(Opcodes.IADD + off));
            b.add(new InsnNode(Opcodes.IASTORE + off));
            return b;
        });
        copy(out, plan.accStore().getNext(), inner.backEdge(), null, jj);
        out.add(new JumpInsnNode(Opcodes.GOTO, innerHead));
        out.add(innerExit);
    }

    /* for (jj = 0; jj < n; jj++) body */
    static void forEachElement(InsnList out, int jj, int n, java.util.function.Supplier<InsnList> body) {
        LabelNode head = new LabelNode();
        LabelNode exit = new LabelNode();
        out.add(new InsnNode(Opcodes.ICONST_0));
        out.add(new VarInsnNode(Opcodes.ISTORE, jj));
        out.add(head);
        out.add(new VarInsnNode(Opcodes.ILOAD, jj));
        out.add(new VarInsnNode(Opcodes.ILOAD, n));
        out.add(new JumpInsnNode(Opcodes.IF_ICMPGE, exit));
        out.add(body.get());
        out.add(new IincInsnNode(jj, 1));
        out.add(new JumpInsnNode(Opcodes.GOTO, head));
        out.add(exit);
    }

    /*
     * Straight-line code only (labels, line numbers and frames dropped; frames are recomputed). With a
     * plan, every load of a local that varies with j becomes 'v + jj': its value for element j0 + jj.
     */
    static void copy(InsnList out, AbstractInsnNode from, AbstractInsnNode to, RowPlan vary, int jj) {
        for (AbstractInsnNode p = from; p != to; p = p.getNext()) {
            if (p.getOpcode() < 0) {
                continue;
            }
            out.add(p.clone(Map.of()));
            if (vary != null && p instanceof VarInsnNode v && v.getOpcode() == Opcodes.ILOAD && vary.vary().contains(v.var)) {
                out.add(new VarInsnNode(Opcodes.ILOAD, jj));
                out.add(new InsnNode(Opcodes.IADD));
            }
        }
    }
}
