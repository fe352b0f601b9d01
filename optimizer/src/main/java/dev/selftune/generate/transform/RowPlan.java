package dev.selftune.generate.transform;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;
import dev.selftune.generate.CountedLoops;
import dev.selftune.generate.InductionVar;
import dev.selftune.generate.LocalNames;
import dev.selftune.generate.Loop;
import dev.selftune.generate.LoopBodies;

/**
 * Whether {@code for (j..) { s = init; while (k..) { s += X * Y(j); } STORE(j, s); }} can become row
 * accumulation, and the pieces {@link RowCode} moves: the accumulator {@code acc} (a local of sort
 * {@code sort}: 'I', 'J', 'F' or 'D'), the product's two operands as instruction ranges (X reads
 * nothing that varies with j, Y does), and the locals that vary with j ({@code vary}: j itself and
 * inner induction variables started at {@code j + c}). {@code jam} carries the nest checks shared
 * with unroll-and-jam: pure bound, straight-line inner loop that writes no memory, privates, equal
 * trip counts, and the run-time guards that the epilogue writes nothing the loops read. {@code rows}:
 * where Y is read from ({@link RowCopies.Source}) when its rows can be copied and reused across rows,
 * else the reason (a String).
 */
record RowPlan(JamPlan jam, int acc, char sort, AbstractInsnNode accLoad, AbstractInsnNode accStore,
               AbstractInsnNode op1, AbstractInsnNode op2, AbstractInsnNode mul, boolean xIsFirst,
               Set<Integer> vary, List<Integer> varyIvs, List<List<AbstractInsnNode>[]> guards, Object rows) {

    static RowPlan analyse(MethodNode method, Loop outer, Loop inner, Frame<SourceValue>[] frames,
                           Function<String, InputStream> classes) throws JamPlan.Refused {
        JamPlan jam = JamPlan.analyse(method, outer, inner, frames);
        if (!jam.late().isEmpty()) {
            throw new JamPlan.Refused("the code after the inner loop writes into a row or local of each iteration's own, "
                    + "which unroll-and-jam checks per block and row-accumulate does not");
        }
        List<List<AbstractInsnNode>[]> guards = SetterEffect.guards(method, frames, jam, classes);
        InsnList insns = method.instructions;
        int j = outer.iv().slot();
        String jName = LocalNames.describe(method, j);
        AbstractInsnNode bodyFirst = outer.bodyFirst();
        AbstractInsnNode end = outer.iv().update();
        Taint taint = new Taint(method, frames, j, bodyFirst, end);
        /* The accumulator: the one private stored in the inner body as 'acc = acc + E'. */
        Integer acc = null;
        AbstractInsnNode accStore = null;
        for (AbstractInsnNode n = inner.test().getNext(); n != inner.backEdge(); n = n.getNext()) {
            if (n instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.DSTORE
                    && jam.privates().containsKey(v.var) && inner.inductionVar(v.var) == null) {
                if (acc != null && acc != v.var) {
                    throw new JamPlan.Refused("the inner loop updates two values (" + LocalNames.describe(method, acc) + ", "
                            + LocalNames.describe(method, v.var) + "); only one accumulator per " + jName + " is row-accumulated");
                }
                if (accStore != null) {
                    throw new JamPlan.Refused(LocalNames.describe(method, v.var) + " is stored twice in the inner loop");
                }
                acc = v.var;
                accStore = n;
            }
        }
        if (acc == null) {
            throw new JamPlan.Refused("the inner loop accumulates nothing per " + jName + " (no 's = s + x * y' on a local set before it)");
        }
        String accName = LocalNames.describe(method, acc);
        char sort = "IJFD".charAt(accStore.getOpcode() - Opcodes.ISTORE);
        int off = accStore.getOpcode() - Opcodes.ISTORE;
        AbstractInsnNode add = CountedLoops.previousReal(accStore);
        if (add == null || add.getOpcode() != Opcodes.IADD + off) {
            throw new JamPlan.Refused(accName + " is not updated as '" + accName + " = " + accName + " + y' in the inner loop");
        }
        AbstractInsnNode mul = CountedLoops.previousReal(add);
        Frame<SourceValue> atAdd = frames[insns.indexOf(add)];
        SourceValue left = atAdd.getStack(atAdd.getStackSize() - 2);
        if (left.insns.size() != 1 || !(left.insns.iterator().next() instanceof VarInsnNode accLoad)
                || accLoad.var != acc || accLoad.getOpcode() != Opcodes.ILOAD + off
                || frames[insns.indexOf(accLoad)].getStackSize() != 0) {
            throw new JamPlan.Refused(accName + " = " + accName + " + y does not start from " + accName + " alone");
        }
        /*
         * 's += x * y' with x per step and y per row element, or a plain 's += y' (a column sum down a
         * row-major matrix: 's += m[r * cols + c]'), where the whole added value is y: then there is
         * no x and no product, and mul is null.
         */
        boolean product = mul != null && mul.getOpcode() == Opcodes.IMUL + off;
        AbstractInsnNode op2 = product ? split(insns, frames, accLoad, mul, 2) : add;
        for (AbstractInsnNode n = inner.head(); n != inner.backEdge(); n = n.getNext()) {
            if (n != accLoad && n != accStore && n instanceof VarInsnNode v && v.var == acc) {
                throw new JamPlan.Refused("the inner loop reads " + accName + " outside its update '" + accName + " += y'");
            }
        }
        /* Which privates vary with j: each must be an inner induction variable started at j + c with an invariant step. */
        Set<Integer> outerWrites = LoopBodies.summarise(method, bodyFirst, end).writes().keySet();
        Set<Integer> vary = new LinkedHashSet<>();
        vary.add(j);
        List<Integer> varyIvs = new ArrayList<>();
        for (AbstractInsnNode n = bodyFirst; n != inner.head(); n = n.getNext()) {
            if (n instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE && taint.top(n, 1)) {
                if (v.var == acc) {
                    throw new JamPlan.Refused(accName + " starts from a value computed from " + jName + "; one start value per row is needed");
                }
                varyIvs.add(startsAtJPlusC(method, frames, taint, inner, v, j, outerWrites));
                vary.add(v.var);
            }
        }
        for (AbstractInsnNode n = bodyFirst; n != end; n = n.getNext()) {
            boolean write = n instanceof IincInsnNode || (n instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE);
            int slot = n instanceof IincInsnNode inc ? inc.var : n instanceof VarInsnNode v ? v.var : -1;
            if (write && slot != acc && !vary.contains(slot) && insns.indexOf(n) < insns.indexOf(jam.epilogueFirst())
                    && (n instanceof IincInsnNode ? taint.top(n, 0) : taint.top(n, 1))) {
                throw new JamPlan.Refused(LocalNames.describe(method, slot) + " takes a value computed from " + jName
                        + " that is not an induction variable started at " + jName + " + c");
            }
        }
        for (AbstractInsnNode n = jam.epilogueFirst(); n != end; n = n.getNext()) {
            int slot = n instanceof IincInsnNode inc ? inc.var
                    : n instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE ? v.var : -1;
            if (slot >= 0 && vary.contains(slot)) {
                throw new JamPlan.Refused(LocalNames.describe(method, slot) + " differs per " + jName
                        + " and is written after the inner loop; the row copy keeps one value for the whole row");
            }
        }
        boolean firstVaries = product && reads(accLoad.getNext(), op2, vary);
        boolean secondVaries = product && reads(op2, mul, vary);
        if (product && !firstVaries && !secondVaries) {
            throw new JamPlan.Refused("the product added to " + accName + " does not depend on " + jName
                    + "; every row element would get the same sum");
        }
        if (!product || (firstVaries && secondVaries)) {   // the whole added value is y, evaluated per row element
            if (!reads(accLoad.getNext(), add, vary)) {
                throw new JamPlan.Refused("what the inner loop adds to " + accName + " does not depend on " + jName
                        + "; every row element would get the same sum");
            }
            checkY(accLoad.getNext(), add, Set.of());
            checkVaryLoads(method, frames, inner, accLoad.getNext(), add, jam, vary, j);
            Object rows = RowCopies.analyse(method, frames, outer, inner, accLoad.getNext(), add, off, vary);
            return new RowPlan(jam, acc, sort, accLoad, accStore, accLoad.getNext(), add, null, false, vary, varyIvs, guards, rows);
        }
        AbstractInsnNode yFrom = firstVaries ? accLoad.getNext() : op2;
        AbstractInsnNode yTo = firstVaries ? op2 : mul;
        AbstractInsnNode xFrom = firstVaries ? op2 : accLoad.getNext();
        AbstractInsnNode xTo = firstVaries ? mul : op2;
        Set<Integer> xWrites = new LinkedHashSet<>();
        for (AbstractInsnNode n = xFrom; n != xTo; n = n.getNext()) {
            if (n instanceof IincInsnNode inc) {
                xWrites.add(inc.var);
            }
        }
        checkY(yFrom, yTo, xWrites);
        checkVaryLoads(method, frames, inner, yFrom, yTo, jam, vary, j);
        Object rows = RowCopies.analyse(method, frames, outer, inner, yFrom, yTo, off, vary);
        return new RowPlan(jam, acc, sort, accLoad, accStore, accLoad.getNext(), op2, mul, !firstVaries, vary, varyIvs, guards, rows);
    }

    /*
     * The epilogue's guards (its stores and call receivers differ from everything the loops read)
     * plus, per call, the array its setter writes (receiver.field) against everything the loops
     * read: two matrices sharing one data array would otherwise see a store the row order moved.
     */
    @SuppressWarnings("unchecked")

    /*
     * The first instruction of the product's second operand: from there to mul nothing touches the
     * stack's lowest {@code accAndFirst} values (the accumulator and the first operand).
     */
    private static AbstractInsnNode split(InsnList insns, Frame<SourceValue>[] frames, AbstractInsnNode accLoad, AbstractInsnNode mul,
                                          int accAndFirst) throws JamPlan.Refused {
        AbstractInsnNode found = null;
        for (AbstractInsnNode n = CountedLoops.previousReal(mul); n != null && n != accLoad; n = CountedLoops.previousReal(n)) {
            Frame<SourceValue> before = frames[insns.indexOf(n)];
            Frame<SourceValue> after = frames[insns.indexOf(n) + 1];
            if (before == null || after == null || before.getStackSize() < accAndFirst || after.getStackSize() < accAndFirst) {
                break;
            }
            boolean untouched = true;
            for (int p = 0; p < accAndFirst; p++) {
                untouched &= before.getStack(p).equals(after.getStack(p));
            }
            if (!untouched) {
                break;
            }
            if (before.getStackSize() == accAndFirst) {
                found = n;
            }
        }
        if (found == null) {
            throw new JamPlan.Refused("the product's operands could not be told apart in the bytecode");
        }
        return found;
    }

    /* Y is evaluated once per row element, X once per step: Y may change no local nor read one X changes. */
    private static void checkY(AbstractInsnNode yFrom, AbstractInsnNode yTo, Set<Integer> xWrites) throws JamPlan.Refused {
        for (AbstractInsnNode n = yFrom; n != yTo; n = n.getNext()) {
            if (n instanceof IincInsnNode || (n instanceof VarInsnNode v && (v.getOpcode() >= Opcodes.ISTORE || xWrites.contains(v.var)))) {
                throw new JamPlan.Refused("the value that depends on the row element changes a local or reads one the other factor "
                        + "changes; it is evaluated once per row element, the other once per step");
            }
        }
    }

    private static boolean reads(AbstractInsnNode from, AbstractInsnNode to, Set<Integer> slots) {
        for (AbstractInsnNode n = from; n != to; n = n.getNext()) {
            if (n instanceof VarInsnNode v && v.getOpcode() <= Opcodes.ALOAD && slots.contains(v.var)) {
                return true;
            }
        }
        return false;
    }

    /* v = j or v = j + c (c computed without j), and v an inner induction variable stepped by something j never changes. */
    private static int startsAtJPlusC(MethodNode method, Frame<SourceValue>[] frames, Taint taint, Loop inner, VarInsnNode store,
                                      int j, Set<Integer> outerWrites) throws JamPlan.Refused {
        String name = LocalNames.describe(method, store.var);
        InductionVar iv = inner.inductionVar(store.var);
        String why = name + " is computed from " + LocalNames.describe(method, j) + " but ";
        if (store.getOpcode() != Opcodes.ISTORE || iv == null || iv == inner.iv() || iv.isLong()) {
            throw new JamPlan.Refused(why + "is not an int induction variable of the inner loop");
        }
        for (AbstractInsnNode s : iv.stepInsns()) {
            if (s instanceof VarInsnNode v && outerWrites.contains(v.var)) {
                throw new JamPlan.Refused(why + "its step reads " + LocalNames.describe(method, v.var) + ", which the loop over "
                        + LocalNames.describe(method, j) + " writes");
            }
        }
        Frame<SourceValue> f = frames[method.instructions.indexOf(store)];
        SourceValue value = f.getStack(f.getStackSize() - 1);
        AbstractInsnNode src = value.insns.size() == 1 ? value.insns.iterator().next() : null;
        if (isLoadOf(src, j)) {
            return store.var;
        }
        if (src != null && src.getOpcode() == Opcodes.IADD) {
            Frame<SourceValue> g = frames[method.instructions.indexOf(src)];
            SourceValue a = g.getStack(g.getStackSize() - 1);
            SourceValue b = g.getStack(g.getStackSize() - 2);
            boolean aj = a.insns.size() == 1 && isLoadOf(a.insns.iterator().next(), j);
            boolean bj = b.insns.size() == 1 && isLoadOf(b.insns.iterator().next(), j);
            if ((aj && !bj && !taint.below(src, 1)) || (bj && !aj && !taint.below(src, 0))) {
                return store.var;
            }
        }
        throw new JamPlan.Refused(why + "does not start at " + LocalNames.describe(method, j) + " + c (c computed without it)");
    }

    private static boolean isLoadOf(AbstractInsnNode n, int slot) {
        return n instanceof VarInsnNode v && v.getOpcode() == Opcodes.ILOAD && v.var == slot;
    }

    /*
     * Loads of a j-varying local other than in Y or in its own step (the row copy keeps only j0's value)
     * would see the wrong value; the epilogue may read j (it is set per element) but no other.
     */
    private static void checkVaryLoads(MethodNode method, Frame<SourceValue>[] frames, Loop inner, AbstractInsnNode yFrom, AbstractInsnNode yTo, JamPlan jam, Set<Integer> vary, int j)
            throws JamPlan.Refused {
        InsnList insns = method.instructions;
        int yA = insns.indexOf(yFrom);
        int yB = insns.indexOf(yTo);
        for (AbstractInsnNode n = jam.outer().bodyFirst(); n != jam.outer().iv().update(); n = n.getNext()) {
            if (!(n instanceof VarInsnNode v) || v.getOpcode() > Opcodes.ALOAD || !vary.contains(v.var)) {
                continue;
            }
            int at = insns.indexOf(n);
            boolean epilogue = at >= insns.indexOf(jam.epilogueFirst());
            boolean inY = at >= yA && at < yB;
            boolean ownStep = inner.contains(method, n) && v.var != j && ownUpdate(method, frames, n, inner.inductionVar(v.var));
            boolean prologue = at < insns.indexOf(inner.head());
            if (inY || ownStep || (epilogue && v.var == j) || (prologue && !inner.contains(method, n))) {
                continue;
            }
            throw new JamPlan.Refused(LocalNames.describe(method, v.var) + " differs per " + LocalNames.describe(method, j)
                    + " and is read " + (epilogue ? "after the inner loop" : "outside the factor that depends on it")
                    + "; the row copy keeps one value for the whole row");
        }
    }

    /* The load is an operand of the add or subtract whose result is the induction variable's update (v = v + step). */
    private static boolean ownUpdate(MethodNode method, Frame<SourceValue>[] frames, AbstractInsnNode load, InductionVar iv) {
        if (iv == null || iv.update().getOpcode() != Opcodes.ISTORE) {
            return false;
        }
        Frame<SourceValue> f = frames[method.instructions.indexOf(iv.update())];
        SourceValue stored = f.getStack(f.getStackSize() - 1);
        if (stored.insns.size() != 1) {
            return false;
        }
        AbstractInsnNode op = stored.insns.iterator().next();
        Frame<SourceValue> g = frames[method.instructions.indexOf(op)];
        return (op.getOpcode() == Opcodes.IADD || op.getOpcode() == Opcodes.ISUB)
                && (g.getStack(g.getStackSize() - 1).insns.equals(Set.of(load)) || g.getStack(g.getStackSize() - 2).insns.equals(Set.of(load)));
    }

}
