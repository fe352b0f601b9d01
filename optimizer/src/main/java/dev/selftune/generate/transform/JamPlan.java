package dev.selftune.generate.transform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;
import dev.selftune.generate.LocalNames;
import dev.selftune.generate.Loop;

/**
 * Whether an outer loop {@code for (j...) { prologue; inner loop; epilogue }} may be unrolled and
 * jammed, and the facts the rewrite needs: which locals each jammed copy needs its own slot for
 * ({@code privates}, slot to store opcode) and which objects the epilogue's writes must not be
 * ({@code guards}: pairs of re-evaluable reference expressions that must differ at run time), and
 * which privates the copies can share with copy 0 ({@code sharing}, see {@link JamSharing}).
 */
record JamPlan(Loop outer, Loop inner, AbstractInsnNode prologueEnd, AbstractInsnNode epilogueFirst,
               Map<Integer, Integer> privates, List<List<AbstractInsnNode>[]> guards, List<EpilogueEffects.Late> late,
               int bodySize, JamSharing sharing) {

    /** Thrown with the reason, in words, when the nest cannot be jammed. */
    static final class Refused extends Exception {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    /*
     * Jamming runs the prologues and inner loops of j, j+1, .., j+f-1 together, then their epilogues
     * in order. That is exact when (1) the prologues and inner loops only read memory and write
     * their own locals, so evaluating copy j+1's before copy j's epilogue changes nothing they
     * compute, provided the epilogue does not write what they read: its array stores and calls
     * must go to objects other than those read, checked at run time per block (guards); a call must
     * be a setter whose one array store is read from the class path (SetterEffect), and that array is
     * guarded too (UnrollAndJam adds those guards); (2) the inner trip
     * count does not depend on j (the values its test compares are computed without j), so one test
     * drives all copies; (3) every local the copies share is written only in the epilogue (carried in
     * order, like cIndex) or only read. Exceptions: the prologues and inner loops run inside a
     * RuntimeException handler that falls back to the original loop from j; having written
     * only private locals, that replays exactly what the original would have done.
     */
    /** This plan with {@code more} as its run-time alias guards. */
    JamPlan withGuards(List<List<AbstractInsnNode>[]> more) {
        return new JamPlan(outer, inner, prologueEnd, epilogueFirst, privates, more, late, bodySize, sharing);
    }

    static JamPlan analyse(MethodNode method, Loop outer, Loop inner, Frame<SourceValue>[] frames) throws Refused {
        String j = LocalNames.describe(method, outer.iv().slot());
        if (outer.bottomTested() || inner.bottomTested()) {
            throw new Refused("a loop of the nest tests at the bottom (do-while); only top-tested loops are jammed");
        }
        if (outer.iv().isLong() || !outer.iv().isUnitStep() || outer.relation() != Opcodes.IF_ICMPLT
                || !(outer.iv().update() instanceof IincInsnNode)
                || dev.selftune.generate.CountedLoops.nextReal(outer.iv().update()) != outer.backEdge()) {
            throw new Refused("the loop over " + j + " is not 'for (" + j + " = ..; " + j + " < bound; " + j
                    + "++)' with the increment last; only such loops are jammed");
        }
        if (!outer.bound().stream().allMatch(dev.selftune.generate.LoopBodies::isPureOperand)) {
            throw new Refused("the bound of the loop over " + j + " calls a method; the jammed block evaluates it once more"
                    + " per block, so only pure bounds (locals, fields, array lengths, arithmetic) are jammed");
        }
        java.util.Set<Integer> bodyWrites = dev.selftune.generate.LoopBodies.summarise(method, outer.bodyFirst(), outer.iv().update())
                .writes().keySet();
        for (AbstractInsnNode b : outer.bound()) {
            if (b instanceof VarInsnNode v && bodyWrites.contains(v.var)) {
                throw new Refused("the bound of the loop over " + j + " reads " + LocalNames.describe(method, v.var)
                        + ", which the body writes; the jammed block tests the bound once for several iterations");
            }
        }
        AbstractInsnNode before = dev.selftune.generate.CountedLoops.previousReal(outer.head());
        if (before != null && dev.selftune.generate.LoopBodies.neverFallsThrough(before)) {
            throw new Refused("the loop over " + j + " is not entered by falling into its head; the jammed loop goes"
                    + " where the code before the loop falls in");
        }
        if (outer.exceptionEdges()) {
            throw new Refused("the loop over " + j + " holds a try block; only loops without exception handlers are jammed");
        }
        if (!inner.straightLine() || inner.writesMemory()) {
            throw new Refused("the inner loop " + (inner.writesMemory() ? "writes memory or calls a method" : "branches")
                    + "; only inner loops that read arrays and fields into locals are jammed");
        }
        if (dev.selftune.generate.CountedLoops.nextReal(inner.exit()) != dev.selftune.generate.CountedLoops.nextReal(inner.backEdge())) {
            throw new Refused("the inner loop does not exit to the code right after it; only a nest 'for (" + j
                    + " ..) { ..; while (..) { .. } ..; }' is jammed");
        }
        for (org.objectweb.asm.tree.TryCatchBlockNode tcb : method.tryCatchBlocks) {
            int s = method.instructions.indexOf(tcb.start);
            int e = method.instructions.indexOf(tcb.end);
            if (s <= method.instructions.indexOf(outer.backEdge()) && e > method.instructions.indexOf(outer.head())) {
                throw new Refused("the loop over " + j + " lies in a try block, whose handler could see " + j
                        + " and the loop's locals part-way through a jammed block");
            }
        }
        AbstractInsnNode bodyFirst = outer.bodyFirst();
        AbstractInsnNode epilogueFirst = inner.backEdge().getNext();
        AbstractInsnNode end = outer.iv().update();
        checkOps(bodyFirst, inner.head(), null, false, "the code before the inner loop");
        checkOps(inner.head(), inner.backEdge(), inner.test(), false, "the inner loop");
        checkOps(epilogueFirst, end, null, true, "the code after the inner loop");
        Map<Integer, Integer> privates = classify(method, outer, inner, epilogueFirst);
        Taint taint = new Taint(method, frames, outer.iv().slot(), bodyFirst, end);
        AbstractInsnNode compare = inner.test();
        if (inner.iv().isLong()) {
            compare = dev.selftune.generate.CountedLoops.previousReal(compare);
        }
        if (taint.top(compare, inner.bound().isEmpty() ? 1 : 2) && !sameTripsForEveryIndex(inner, taint, compare)) {
            throw new Refused("the inner loop's trip count depends on " + j
                    + " (its test compares values computed from it); jamming needs equal trip counts");
        }
        EpilogueEffects.Checks checks = EpilogueEffects.guards(method, frames, outer, bodyFirst, inner, epilogueFirst, end,
                privates.keySet());
        int size = method.instructions.indexOf(end) - method.instructions.indexOf(bodyFirst);
        JamSharing sharing = JamSharing.find(method, frames, outer, inner, epilogueFirst, privates);
        for (EpilogueEffects.Late l : checks.late()) {
            for (List<AbstractInsnNode> e : List.of(l.target(), l.source())) {
                for (AbstractInsnNode n : e) {
                    if (n instanceof VarInsnNode v && sharing.shared(v.var)) {
                        throw new Refused("a per-iteration check would read " + LocalNames.describe(method, v.var)
                                + ", which the jammed copies share; not jammed");
                    }
                }
            }
        }
        return new JamPlan(outer, inner, inner.head(), epilogueFirst, privates, checks.early(), checks.late(), size, sharing);
    }

    /*
     * The inner test compares two values that both depend on j, but as "j + c1" and "j + c2" with
     * c1, c2 computed without j (Taint.offsetOfIndex), the inner induction variable stepped by an
     * amount the loop over j does not change, and the bound a local the inner loop does not write:
     * then c1 < c2 decides the test, and the trip count is the same for every j.
     */
    private static boolean sameTripsForEveryIndex(Loop inner, Taint taint, AbstractInsnNode compare) {
        if (inner.iv().isLong() || inner.bound().size() != 1 || !(inner.bound().get(0) instanceof VarInsnNode)
                || !inner.boundInvariant()) {
            return false;
        }
        boolean stepFree = inner.iv().step() != null || inner.iv().stepInsns().stream().noneMatch(taint::tainted);
        return stepFree && taint.offsetOfIndex(compare, 0) && taint.offsetOfIndex(compare, 1);
    }

    private static void checkOps(AbstractInsnNode from, AbstractInsnNode to, AbstractInsnNode allowedJump, boolean epilogue,
                                 String where) throws Refused {
        for (AbstractInsnNode n = from; n != null && n != to; n = n.getNext()) {
            int op = n.getOpcode();
            boolean ok = op < 0 || n == allowedJump || (op >= Opcodes.NOP && op <= Opcodes.SALOAD)
                    || (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) || op == Opcodes.POP || op == Opcodes.POP2
                    || (op >= Opcodes.IADD && op <= Opcodes.DCMPG) || op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC
                    || op == Opcodes.ARRAYLENGTH || op == Opcodes.INSTANCEOF
                    || (epilogue && ((op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) || (op >= Opcodes.DUP && op <= Opcodes.SWAP)
                        || op == Opcodes.INVOKEVIRTUAL || op == Opcodes.INVOKEINTERFACE));
            if (!ok) {
                throw new Refused(where + " has " + org.objectweb.asm.util.Printer.OPCODES[op]
                        + ", which jamming does not move (allowed: locals, arithmetic, array and field reads"
                        + (epilogue ? ", array stores and instance calls with primitive arguments" : "") + ")");
            }
            if (n instanceof MethodInsnNode call) {
                for (Type t : Type.getArgumentTypes(call.desc)) {
                    if (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY) {
                        throw new Refused("the call " + call.owner.replace('/', '.') + "." + call.name
                                + " after the inner loop takes a reference argument; only primitive arguments are replayed");
                    }
                }
            }
        }
    }

    /*
     * Slot classes, by the first access in body order (prologue, inner test, inner body, epilogue):
     * first a store before the inner loop: private to each copy (renamed, the last copy's value
     * copied back at the end); first a store inside the inner body and never touched after it: a
     * temporary the copies may share; first touched after the inner loop: the epilogue's (shared,
     * epilogues run in order); anything else is read from outside and must not be written.
     */
    private static Map<Integer, Integer> classify(MethodNode method, Loop outer, Loop inner, AbstractInsnNode epilogueFirst)
            throws Refused {
        Map<Integer, Integer> privates = new LinkedHashMap<>();
        Map<Integer, String> firstAccess = new LinkedHashMap<>();
        int j = outer.iv().slot();
        String zone = "prologue";
        for (AbstractInsnNode n = outer.bodyFirst(); n != outer.iv().update(); n = n.getNext()) {
            if (n == inner.head()) {
                zone = "test";
            } else if (n == inner.test().getNext()) {
                zone = "inner";
            } else if (n == epilogueFirst) {
                zone = "epilogue";
            }
            int slot;
            boolean store;
            if (n instanceof IincInsnNode inc) {
                slot = inc.var;
                store = false;
            } else if (n instanceof VarInsnNode v) {
                slot = v.var;
                store = v.getOpcode() >= Opcodes.ISTORE;
            } else {
                continue;
            }
            String who = LocalNames.describe(method, slot);
            if (slot == j) {
                if (n.getOpcode() != Opcodes.ILOAD) {
                    throw new Refused("the body writes the loop's own index " + who);
                }
                continue;
            }
            String first = firstAccess.get(slot);
            if (first == null) {
                first = zone + (store ? ":store" : ":load");
                firstAccess.put(slot, first);
                if (first.equals("prologue:store")) {
                    privates.put(slot, n.getOpcode());
                }
                continue;
            }
            boolean writes = store || n instanceof IincInsnNode;
            if (first.equals("prologue:store") && store && n.getOpcode() != privates.get(slot)) {
                throw new Refused(who + " holds values of two types in the body; not jammed");
            }
            if (first.equals("inner:store") && !zone.equals("inner")) {
                throw new Refused(who + " is first written inside the inner loop and used after it; not jammed");
            }
            if (first.endsWith(":load") && !first.startsWith("epilogue") && writes) {
                throw new Refused(who + " is read before it is written in each iteration (carried from one " + LocalNames.describe(method, j)
                        + " to the next) and used before the code after the inner loop; the iterations are not independent");
            }
        }
        return privates;
    }

    static int loadOpcode(int storeOpcode) {
        return storeOpcode - Opcodes.ISTORE + Opcodes.ILOAD;
    }

    static int size(int storeOpcode) {
        return storeOpcode == Opcodes.LSTORE || storeOpcode == Opcodes.DSTORE ? 2 : 1;
    }
}
