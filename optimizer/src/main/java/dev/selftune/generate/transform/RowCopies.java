package dev.selftune.generate.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;
import dev.selftune.generate.LocalNames;
import dev.selftune.generate.Loop;
import dev.selftune.generate.LoopBodies;

/**
 * Row accumulation over copied rows ({@code row-accumulate} with {@code group}): the row loop reads
 * {@code Y = arr[v + jj]} from a copy of {@code arr[v .. v + n)} at index {@code jj}, and adds
 * {@code group} steps of the inner loop per pass over the row:
 * {@code buf[jj] = buf[jj] + x0 * r0[jj] + x1 * r1[jj] + ...}, left to right, so every element still
 * gets the original's additions in the original order (bit-exact).
 *
 * <p>Why: C2 (JDK 17) vectorises a loop only when every array access in it has the same loop-invariant
 * part in its index; {@code buf[jj]} and {@code arr[v + jj]} differ ({@code v}), so the plain row form
 * is not vectorised, while {@code buf[jj]} and {@code r[jj]} are. The group cuts the buffer's loads and
 * stores per addition by {@code group}. Copying each step's row on every row would cost as much as the
 * additions, so the copies are cached per step of the inner loop ({@code k}-th step of a row uses slot
 * {@code k}) and reused by later rows when the slot holds the same array and start and at least
 * {@code n} elements: the B rows of a matrix product are copied once per call.
 *
 * <p>Why a cached copy is still the array's content: between two row blocks only code that writes no
 * memory and calls nothing runs (checked over every loop that encloses the row loop: {@link #analyse});
 * each row's own stores (the epilogue's targets, re-evaluable expressions of {@link RowPlan#guards()})
 * drop the whole cache when one of them is a cached source, checked after the row's reads and before
 * its stores; and the fallback to the original loop (a guard or an exception) drops it before the
 * original runs. A copy that throws ({@code arraycopy} out of range, a null array) falls back like any
 * other exception of the compute part.
 */
final class RowCopies {
    /** Cached elements per row block at most (slots x row length); a row needing more runs the original. */
    static final int MAX_CACHED = 1 << 21;

    /** Steps of the inner loop added per pass over the row; each is a candidate's {@code group}. */
    static final List<Integer> GROUPS = List.of(4);

    private RowCopies() { }

    /**
     * Y = {@code <prefix: the array> <index: v, v + c or c + v> <x>aload}, split at {@code indexFirst}:
     * the array is the same on every step of the inner loop and the index moves by the same amount each
     * step (a flat row-major matrix, {@code b[k * n + j]} with {@code v} stepped by {@code n}).
     */
    record Source(AbstractInsnNode yFrom, AbstractInsnNode indexFirst, AbstractInsnNode load) { }

    /** The source of the copied rows, or the reason none can be made (a String). */
    static Object analyse(MethodNode method, Frame<SourceValue>[] frames, Loop outer, Loop inner, AbstractInsnNode yFrom,
                          AbstractInsnNode yTo, int sortOffset, Set<Integer> vary) {
        InsnList insns = method.instructions;
        AbstractInsnNode load = yTo.getPrevious();
        while (load != null && load.getOpcode() < 0) {
            load = load.getPrevious();
        }
        if (load == null || load.getOpcode() != Opcodes.IALOAD + sortOffset || insns.indexOf(load) < insns.indexOf(yFrom)) {
            return "the factor that depends on the row element is not an array element of the accumulator's type";
        }
        Frame<SourceValue> at = frames[insns.indexOf(load)];
        SourceValue array = at.getStack(at.getStackSize() - 2);
        if (array.insns.size() != 1) {
            return "the array the row element is read from is not one expression";
        }
        AbstractInsnNode arrayEnd = array.insns.iterator().next();
        if (insns.indexOf(arrayEnd) < insns.indexOf(yFrom) || insns.indexOf(arrayEnd) >= insns.indexOf(load)) {
            return "the array the row element is read from is not computed in the factor itself";
        }
        for (AbstractInsnNode n = yFrom; n != arrayEnd.getNext(); n = n.getNext()) {
            if (n instanceof VarInsnNode v && v.getOpcode() <= Opcodes.ALOAD && vary.contains(v.var)) {
                return "the array the row element is read from changes along the row";
            }
        }
        Set<Integer> innerWrites = LoopBodies.summarise(method, inner.head(), inner.backEdge()).writes().keySet();
        boolean arrayFixed = !readsAny(yFrom, arrayEnd.getNext(), innerWrites);
        AbstractInsnNode indexFirst = arrayEnd.getNext();
        VarInsnNode varying = null;
        int count = 0;
        AbstractInsnNode last = null;
        for (AbstractInsnNode n = indexFirst; n != load; n = n.getNext()) {
            if (n.getOpcode() >= 0) {
                last = n;
            }
            if (n instanceof VarInsnNode v && v.getOpcode() <= Opcodes.ALOAD && vary.contains(v.var)) {
                varying = v;
                count++;
            }
        }
        if (count != 1) {
            return "the row element's index reads the row's varying locals " + count + " times; one 'v' or 'v + c' is copied as a row";
        }
        boolean linear = last == varying;
        if (!linear && last != null && last.getOpcode() == Opcodes.IADD) {
            Frame<SourceValue> f = frames[insns.indexOf(last)];
            linear = f.getStack(f.getStackSize() - 1).insns.equals(Set.of(varying))
                    || f.getStack(f.getStackSize() - 2).insns.equals(Set.of(varying));
        }
        if (!linear) {
            return "the row element's index is not 'v' or 'v + c' (consecutive elements per row)";
        }
        Set<Integer> others = new java.util.HashSet<>(innerWrites);
        others.remove(varying.var);
        if (readsAny(indexFirst, load, others)) {
            return "the row element's index reads a local the inner loop changes besides " + LocalNames.describe(method, varying.var);
        }
        if (!arrayFixed) {
            return "the array the row element is read from changes on every step of the inner loop; only rows of one flat array are copied";
        }
        if (!innerWrites.contains(varying.var)) {
            return "every step of the inner loop reads the same row (" + LocalNames.describe(method, varying.var)
                    + " does not move with it); there is nothing to copy";
        }
        String between = betweenRows(method, outer);
        if (between != null) {
            return between;
        }
        return new Source(yFrom, indexFirst, load);
    }

    private static boolean readsAny(AbstractInsnNode from, AbstractInsnNode to, Set<Integer> slots) {
        for (AbstractInsnNode n = from; n != to; n = n.getNext()) {
            if (n instanceof VarInsnNode v && v.getOpcode() <= Opcodes.ALOAD && slots.contains(v.var)) {
                return true;
            }
        }
        return false;
    }

    /*
     * Null when some loop encloses the row loop and nothing in those loops outside the row loop writes
     * memory, calls, synchronises or sits in a try range: then between two row blocks every array keeps
     * its content, except through the row's own stores (checked per row). Back edges are read from the
     * jumps themselves, so a loop no analysis recognises still counts.
     */
    private static String betweenRows(MethodNode method, Loop outer) {
        if (!method.tryCatchBlocks.isEmpty()) {
            return "the method has a try block; copied rows are reused across rows only where no handler can run between them";
        }
        InsnList insns = method.instructions;
        int from = insns.indexOf(outer.head());
        int to = insns.indexOf(outer.backEdge());
        int lo = Integer.MAX_VALUE;
        int hi = -1;
        for (AbstractInsnNode n = insns.getFirst(); n != null; n = n.getNext()) {
            int at = insns.indexOf(n);
            for (LabelNode target : targets(n)) {
                int t = insns.indexOf(target);
                if (t <= at && t < from && at >= from) {
                    lo = Math.min(lo, t);
                    hi = Math.max(hi, at);
                }
            }
        }
        if (hi < 0) {
            return "no loop encloses the row loop, so a copied row would be used by one row only";
        }
        for (int i = lo; i <= hi; i++) {
            if (i >= from && i <= to) {
                continue;
            }
            int op = insns.get(i).getOpcode();
            if ((op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) || op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC
                    || (op >= Opcodes.INVOKEVIRTUAL && op <= Opcodes.INVOKEDYNAMIC) || op == Opcodes.MONITORENTER
                    || op == Opcodes.MONITOREXIT) {
                return "the loops around the row loop write memory or call a method between rows, which could change a copied row's source";
            }
        }
        return null;
    }

    private static List<LabelNode> targets(AbstractInsnNode n) {
        if (n instanceof JumpInsnNode j) {
            return List.of(j.label);
        }
        List<LabelNode> out = new ArrayList<>();
        if (n instanceof TableSwitchInsnNode t) {
            out.add(t.dflt);
            out.addAll(t.labels);
        } else if (n instanceof LookupSwitchInsnNode l) {
            out.add(l.dflt);
            out.addAll(l.labels);
        }
        return out;
    }

    /** The epilogue's written objects, once each (the targets of the plan's guards). */
    static List<List<AbstractInsnNode>> targets(MethodNode method, RowPlan plan) {
        Map<String, List<AbstractInsnNode>> out = new LinkedHashMap<>();
        for (List<AbstractInsnNode>[] pair : plan.guards()) {
            out.putIfAbsent(EpilogueEffects.describe(method, pair[0]), pair[0]);
        }
        return new ArrayList<>(out.values());
    }
    /** The code of the copied-row steps inside {@link RowCode}'s block; one instance per emitted block. */
    static final class Code {
        private final MethodNode m;
        private final RowPlan plan;
        private final Source src;
        private final int group;
        private final int off;
        private final String rowDesc;
        private final int cRows;
        private final int cArr;
        private final int cStart;
        private final int cDiff;
        private final int cN;
        private final int filled;
        private final int ks;
        private final int maxSlots;
        private final int arr;
        private final int start;
        private final int r;
        private final int[] xs;
        private final int[] rs;

        Code(MethodNode m, RowPlan plan, int group, int wide) {
            if (!(plan.rows() instanceof Source s)) {
                throw new IllegalArgumentException("no copied rows for this plan: " + plan.rows());
            }
            this.m = m;
            this.plan = plan;
            this.src = s;
            this.group = group;
            this.off = "IJFD".indexOf(plan.sort());
            this.rowDesc = "[" + plan.sort();
            cRows = m.maxLocals++;
            cArr = m.maxLocals++;
            cStart = m.maxLocals++;
            cDiff = m.maxLocals++;
            cN = m.maxLocals++;
            filled = m.maxLocals++;
            ks = m.maxLocals++;
            maxSlots = m.maxLocals++;
            arr = m.maxLocals++;
            start = m.maxLocals++;
            r = m.maxLocals++;
            xs = new int[group];
            rs = new int[group];
            for (int g = 0; g < group; g++) {
                xs[g] = m.maxLocals;
                m.maxLocals += wide;
                rs[g] = m.maxLocals++;
            }
        }

        /* At method entry: no cache yet (filled = 0: no slot holds a row of the current sequence). */
        void init(InsnList in) {
            for (int slot : new int[] {cRows, cArr}) {
                in.add(new InsnNode(Opcodes.ACONST_NULL));
                in.add(new VarInsnNode(Opcodes.ASTORE, slot));
            }
            for (int slot : new int[] {cStart, cDiff, cN, filled}) {
                in.add(new InsnNode(Opcodes.ICONST_0));
                in.add(new VarInsnNode(Opcodes.ISTORE, slot));
            }
        }

        /* At each row block's entry, n known: how many steps may be cached. */
        void enter(InsnList out, int n) {
            out.add(new LdcInsnNode(MAX_CACHED));
            out.add(new VarInsnNode(Opcodes.ILOAD, n));
            out.add(new InsnNode(Opcodes.IDIV));
            out.add(new VarInsnNode(Opcodes.ISTORE, maxSlots));
        }

        /*
         * head: step 0 (test -> exit) .. step g-1 (test -> flush g-1): each runs pre, X -> xs[g], the row
         * of Y -> rs[g], post; then one pass buf[jj] = buf[jj] + t0 + .. + t(g-1); goto head.
         * flush c: the c steps gathered before the test failed, one pass each, in order; goto exit.
         */
        void steps(InsnList out, int buf, int n, int jj, LabelNode original) {
            Loop inner = plan.jam().inner();
            boolean product = plan.mul() != null;
            AbstractInsnNode xFrom = plan.xIsFirst() ? plan.op1() : plan.op2();
            AbstractInsnNode xTo = plan.xIsFirst() ? plan.op2() : plan.mul();
            LabelNode head = new LabelNode();
            LabelNode exit = new LabelNode();
            LabelNode[] flush = new LabelNode[group];
            flush[0] = exit;
            for (int g = 1; g < group; g++) {
                flush[g] = new LabelNode();
            }
            out.add(new InsnNode(Opcodes.ICONST_0));
            out.add(new VarInsnNode(Opcodes.ISTORE, ks));
            out.add(head);
            for (int g = 0; g < group; g++) {
                RowCode.copy(out, inner.head(), inner.test(), null, jj);
                out.add(new JumpInsnNode(inner.test().getOpcode(), flush[g]));
                RowCode.copy(out, inner.test().getNext(), plan.accLoad(), null, jj);
                if (product) {
                    RowCode.copy(out, xFrom, xTo, null, jj);
                    out.add(new VarInsnNode(Opcodes.ISTORE + off, xs[g]));
                }
                RowCode.copy(out, src.yFrom(), src.indexFirst(), null, jj);
                out.add(new VarInsnNode(Opcodes.ASTORE, arr));
                RowCode.copy(out, src.indexFirst(), src.load(), null, jj);
                out.add(new VarInsnNode(Opcodes.ISTORE, start));
                lookup(out, n, original);
                out.add(new VarInsnNode(Opcodes.ALOAD, r));
                out.add(new VarInsnNode(Opcodes.ASTORE, rs[g]));
                RowCode.copy(out, plan.accStore().getNext(), inner.backEdge(), null, jj);
            }
            pass(out, buf, n, jj, 0, group);
            out.add(new JumpInsnNode(Opcodes.GOTO, head));
            for (int g = 1; g < group; g++) {
                out.add(flush[g]);
                for (int t = 0; t < g; t++) {
                    pass(out, buf, n, jj, t, t + 1);
                }
                out.add(new JumpInsnNode(Opcodes.GOTO, exit));
            }
            out.add(exit);
        }

        /* for jj: buf[jj] = buf[jj] + term(from) + .. + term(to - 1), left to right. */
        private void pass(InsnList out, int buf, int n, int jj, int from, int to) {
            boolean product = plan.mul() != null;
            RowCode.forEachElement(out, jj, n, () -> {
                InsnList b = new InsnList();
                b.add(new VarInsnNode(Opcodes.ALOAD, buf));
                b.add(new VarInsnNode(Opcodes.ILOAD, jj));
                b.add(new InsnNode(Opcodes.DUP2));
                b.add(new InsnNode(Opcodes.IALOAD + off));
                for (int g = from; g < to; g++) {
                    if (product && plan.xIsFirst()) {
                        b.add(new VarInsnNode(Opcodes.ILOAD + off, xs[g]));
                    }
                    b.add(new VarInsnNode(Opcodes.ALOAD, rs[g]));
                    b.add(new VarInsnNode(Opcodes.ILOAD, jj));
                    b.add(new InsnNode(Opcodes.IALOAD + off));
                    if (product && !plan.xIsFirst()) {
                        b.add(new VarInsnNode(Opcodes.ILOAD + off, xs[g]));
                    }
                    if (product) {
                        b.add(new InsnNode(Opcodes.IMUL + off));
                    }
                    b.add(new InsnNode(Opcodes.IADD + off));
                }
                b.add(new InsnNode(Opcodes.IASTORE + off));
                return b;
            });
        }

        /*
         * r = the copy of arr[start .. start + n) for step ks; ks++. A row's steps form one sequence
         * (arr fixed, start moving by the same amount each step: Source), so a row matching the
         * cached sequence at steps 0 and 1 (same arr, first start, n, and move) reads the same
         * elements at every step, and the first 'filled' slots hold them:
         *   ks == 0: if (arr != cArr || start != cStart || n != cN) { filled = 0; cArr = arr; cStart = start; cN = n; }
         *   ks == 1: if (start - cStart != cDiff) { cDiff = start - cStart; filled = min(filled, 1); }
         *   if (ks < filled) r = cRows[ks];
         *   else { if (ks >= maxSlots) goto original; grow cRows; r = cRows[ks] (new T[n] if short);
         *          arraycopy(arr, start, r, 0, n); filled = ks + 1; }
         * Slots fill in step order, so at a miss filled == ks.
         */
        private void lookup(InsnList out, int n, LabelNode original) {
            LabelNode notFirst = new LabelNode();
            LabelNode reset = new LabelNode();
            LabelNode check = new LabelNode();
            LabelNode copy = new LabelNode();
            LabelNode create = new LabelNode();
            LabelNode have = new LabelNode();
            LabelNode alloc = new LabelNode();
            LabelNode fill = new LabelNode();
            LabelNode done = new LabelNode();
            out.add(new VarInsnNode(Opcodes.ILOAD, ks));
            out.add(new JumpInsnNode(Opcodes.IFNE, notFirst));
            out.add(new VarInsnNode(Opcodes.ALOAD, arr));
            out.add(new VarInsnNode(Opcodes.ALOAD, cArr));
            out.add(new JumpInsnNode(Opcodes.IF_ACMPNE, reset));
            out.add(new VarInsnNode(Opcodes.ILOAD, start));
            out.add(new VarInsnNode(Opcodes.ILOAD, cStart));
            out.add(new JumpInsnNode(Opcodes.IF_ICMPNE, reset));
            out.add(new VarInsnNode(Opcodes.ILOAD, n));
            out.add(new VarInsnNode(Opcodes.ILOAD, cN));
            out.add(new JumpInsnNode(Opcodes.IF_ICMPEQ, check));
            out.add(reset);
            out.add(new InsnNode(Opcodes.ICONST_0));
            out.add(new VarInsnNode(Opcodes.ISTORE, filled));
            out.add(new VarInsnNode(Opcodes.ALOAD, arr));
            out.add(new VarInsnNode(Opcodes.ASTORE, cArr));
            out.add(new VarInsnNode(Opcodes.ILOAD, start));
            out.add(new VarInsnNode(Opcodes.ISTORE, cStart));
            out.add(new VarInsnNode(Opcodes.ILOAD, n));
            out.add(new VarInsnNode(Opcodes.ISTORE, cN));
            out.add(new JumpInsnNode(Opcodes.GOTO, check));
            out.add(notFirst);
            out.add(new VarInsnNode(Opcodes.ILOAD, ks));
            out.add(new InsnNode(Opcodes.ICONST_1));
            out.add(new JumpInsnNode(Opcodes.IF_ICMPNE, check));
            out.add(new VarInsnNode(Opcodes.ILOAD, start));
            out.add(new VarInsnNode(Opcodes.ILOAD, cStart));
            out.add(new InsnNode(Opcodes.ISUB));
            out.add(new VarInsnNode(Opcodes.ILOAD, cDiff));
            out.add(new JumpInsnNode(Opcodes.IF_ICMPEQ, check));
            out.add(new VarInsnNode(Opcodes.ILOAD, start));
            out.add(new VarInsnNode(Opcodes.ILOAD, cStart));
            out.add(new InsnNode(Opcodes.ISUB));
            out.add(new VarInsnNode(Opcodes.ISTORE, cDiff));
            out.add(new VarInsnNode(Opcodes.ILOAD, filled));
            out.add(new InsnNode(Opcodes.ICONST_1));
            out.add(new JumpInsnNode(Opcodes.IF_ICMPLE, check));
            out.add(new InsnNode(Opcodes.ICONST_1));
            out.add(new VarInsnNode(Opcodes.ISTORE, filled));
            out.add(check);
            out.add(new VarInsnNode(Opcodes.ILOAD, ks));
            out.add(new VarInsnNode(Opcodes.ILOAD, filled));
            out.add(new JumpInsnNode(Opcodes.IF_ICMPGE, copy));
            out.add(new VarInsnNode(Opcodes.ALOAD, cRows));
            out.add(new VarInsnNode(Opcodes.ILOAD, ks));
            out.add(new InsnNode(Opcodes.AALOAD));
            out.add(new VarInsnNode(Opcodes.ASTORE, r));
            out.add(new JumpInsnNode(Opcodes.GOTO, done));
            out.add(copy);
            out.add(new VarInsnNode(Opcodes.ILOAD, ks));
            out.add(new VarInsnNode(Opcodes.ILOAD, maxSlots));
            out.add(new JumpInsnNode(Opcodes.IF_ICMPGE, original));
            out.add(new VarInsnNode(Opcodes.ALOAD, cRows));
            out.add(new JumpInsnNode(Opcodes.IFNULL, create));
            out.add(new VarInsnNode(Opcodes.ILOAD, ks));
            out.add(new VarInsnNode(Opcodes.ALOAD, cRows));
            out.add(new InsnNode(Opcodes.ARRAYLENGTH));
            out.add(new JumpInsnNode(Opcodes.IF_ICMPLT, have));
            out.add(new VarInsnNode(Opcodes.ALOAD, cRows));
            out.add(new VarInsnNode(Opcodes.ILOAD, ks));
            out.add(new InsnNode(Opcodes.ICONST_1));
            out.add(new InsnNode(Opcodes.ISHL));
            out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/util/Arrays", "copyOf", "([Ljava/lang/Object;I)[Ljava/lang/Object;", false));
            out.add(new TypeInsnNode(Opcodes.CHECKCAST, "[" + rowDesc));
            out.add(new VarInsnNode(Opcodes.ASTORE, cRows));
            out.add(new JumpInsnNode(Opcodes.GOTO, have));
            out.add(create);
            out.add(new IntInsnNode(Opcodes.BIPUSH, 16));
            out.add(new TypeInsnNode(Opcodes.ANEWARRAY, rowDesc));
            out.add(new VarInsnNode(Opcodes.ASTORE, cRows));
            out.add(have);
            out.add(new VarInsnNode(Opcodes.ALOAD, cRows));
            out.add(new VarInsnNode(Opcodes.ILOAD, ks));
            out.add(new InsnNode(Opcodes.AALOAD));
            out.add(new VarInsnNode(Opcodes.ASTORE, r));
            out.add(new VarInsnNode(Opcodes.ALOAD, r));
            out.add(new JumpInsnNode(Opcodes.IFNULL, alloc));
            out.add(new VarInsnNode(Opcodes.ALOAD, r));
            out.add(new InsnNode(Opcodes.ARRAYLENGTH));
            out.add(new VarInsnNode(Opcodes.ILOAD, n));
            out.add(new JumpInsnNode(Opcodes.IF_ICMPGE, fill));
            out.add(alloc);
            out.add(new VarInsnNode(Opcodes.ILOAD, n));
            out.add(new IntInsnNode(Opcodes.NEWARRAY, new int[] {Opcodes.T_INT, Opcodes.T_LONG, Opcodes.T_FLOAT, Opcodes.T_DOUBLE}[off]));
            out.add(new VarInsnNode(Opcodes.ASTORE, r));
            out.add(new VarInsnNode(Opcodes.ALOAD, cRows));
            out.add(new VarInsnNode(Opcodes.ILOAD, ks));
            out.add(new VarInsnNode(Opcodes.ALOAD, r));
            out.add(new InsnNode(Opcodes.AASTORE));
            out.add(fill);
            out.add(new VarInsnNode(Opcodes.ALOAD, arr));
            out.add(new VarInsnNode(Opcodes.ILOAD, start));
            out.add(new VarInsnNode(Opcodes.ALOAD, r));
            out.add(new InsnNode(Opcodes.ICONST_0));
            out.add(new VarInsnNode(Opcodes.ILOAD, n));
            out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/System", "arraycopy",
                    "(Ljava/lang/Object;ILjava/lang/Object;II)V", false));
            out.add(new VarInsnNode(Opcodes.ILOAD, ks));
            out.add(new InsnNode(Opcodes.ICONST_1));
            out.add(new InsnNode(Opcodes.IADD));
            out.add(new VarInsnNode(Opcodes.ISTORE, filled));
            out.add(done);
            out.add(new IincInsnNode(ks, 1));
        }

        /*
         * After the row's reads, before its stores: a store target that is the cached source empties
         * the cache (the next rows copy again). A row's own guards keep its targets apart from what it
         * reads, so this fires only when the cache outlived rows that read nothing (an empty inner loop).
         */
        void dropWritten(InsnList out) {
            for (List<AbstractInsnNode> target : targets(m, plan)) {
                LabelNode keep = new LabelNode();
                target.forEach(t -> out.add(t.clone(Map.of())));
                out.add(new VarInsnNode(Opcodes.ALOAD, cArr));
                out.add(new JumpInsnNode(Opcodes.IF_ACMPNE, keep));
                dropAll(out);
                out.add(keep);
            }
        }

        /* No slot trusted (before the original loop runs: its stores are not checked). */
        void dropAll(InsnList out) {
            out.add(new InsnNode(Opcodes.ICONST_0));
            out.add(new VarInsnNode(Opcodes.ISTORE, filled));
        }
    }
}
