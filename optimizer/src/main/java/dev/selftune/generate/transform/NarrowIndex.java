package dev.selftune.generate.transform;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;
import dev.selftune.generate.CountedLoops;
import dev.selftune.generate.LocalNames;
import dev.selftune.generate.LoopBodies;
import dev.selftune.generate.Loop;
import dev.selftune.generate.Loops;
import dev.selftune.generate.Transform;
import dev.selftune.generate.TransformContext;

/**
 * Narrows a {@code long} loop index to an {@code int} when every value it takes fits one:
 * {@code for (long i = 0; i < a.length; i++) s += a[(int) i]} becomes the int loop javac would
 * have compiled from {@code int i}, and every read of {@code i} the long value ({@code (long) i}).
 * Parameter {@code loop}: which loop of {@link Loops#find}.
 *
 * <p>Why: C2's range-check elimination, unrolling and superword work on int counted loops. A long
 * index (common in code written for "big" arrays, in ports from C, in Kotlin {@code Long} ranges)
 * gets at best a strip-mined nest of int loops (JDK 16+), and {@code a[(int) i]} still carries the
 * {@code l2i} that hides the index's range from the range-check pass. The int loop is also the shape
 * every other loop transform here reads, so unrolling and split accumulators compose after it.
 *
 * <p>Exact when: the loop is {@code i < bound} stepping {@code i += 1}; the bound is an int widened
 * ({@code (long) intExpr}) or a long constant in int range; the index starts from such a value
 * (stored right before the loop); and every read of the local that either store reaches is reached
 * by no other store. Then every value {@code i} takes lies between its start and the bound (or is
 * the start, for zero trips), so it fits an int, {@code i + 1} never overflows, and each read
 * widens to the same long the original read.
 */
public final class NarrowIndex implements Transform {
    public static final String NAME = "narrow-index";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Map<String, Integer>> candidates(ClassNode owner, MethodNode method, TransformContext ctx) {
        return LoopPlans.candidates(method, l -> longPlan(owner, method, l));
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode method, Map<String, Integer> params, TransformContext ctx) {
        if (!(LoopPlans.planAt(method, params, l -> longPlan(owner, method, l)) instanceof Plan p)) {
            return false;
        }
        rewrite(method, p);
        return true;
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode method, TransformContext ctx) {
        return LoopPlans.whyNot(method, l -> longPlan(owner, method, l),
                "no loop with a long index (for (long i = ..; i < n; i++)) to narrow");
    }

    /* Only loops over a long index are this rule's business. */
    private static Object longPlan(ClassNode owner, MethodNode m, Loop l) {
        return l.iv().isLong() ? plan(owner, m, l) : null;
    }

    /** What the rewrite needs: the loop, its init store, the reads to widen and the new slot's source. */
    private record Plan(Loop loop, VarInsnNode init, Set<AbstractInsnNode> reads) { }

    /* A Plan, or the reason (a String) the loop is left alone. */
    private static Object plan(ClassNode owner, MethodNode m, Loop l) {
        int slot = l.iv().slot();
        String i = LocalNames.describe(m, slot);
        if (l.bottomTested() || l.relation() != Opcodes.IF_ICMPLT || !l.iv().isUnitStep() || l.iv().stepInsns().size() > 0) {
            return "the loop over " + i + " is not 'for (long " + i + " = ..; " + i + " < bound; " + i + "++)'";
        }
        if (l.bound().isEmpty() || !l.boundInvariant() || !intValued(l.bound().get(l.bound().size() - 1))) {
            return "the bound of the loop over " + i + " is not an int widened to long (or a long constant in int range)"
                    + " that the loop leaves alone, so " + i + " may take values beyond an int";
        }
        AbstractInsnNode before = CountedLoops.previousReal(l.head());
        if (!(before instanceof VarInsnNode init) || init.getOpcode() != Opcodes.LSTORE || init.var != slot
                || !intValued(CountedLoops.previousReal(init))) {
            return "the loop over " + i + " does not start from an int value stored right before it";
        }
        AbstractInsnNode add = CountedLoops.previousReal(l.iv().update());
        AbstractInsnNode a = add == null ? null : CountedLoops.previousReal(add);
        AbstractInsnNode b = a == null ? null : CountedLoops.previousReal(a);
        if (add == null || add.getOpcode() != Opcodes.LADD || !(isLoad(a, slot) && isOne(b) || isOne(a) && isLoad(b, slot))) {
            return "the step of " + i + " is not written '" + i + "++' or '" + i + " += 1'";
        }
        Frame<SourceValue>[] frames;
        try {
            frames = new Analyzer<>(new SourceInterpreter()).analyze(owner.name, m);
        } catch (AnalyzerException e) {
            return "its bytecode could not be analysed (" + e.getMessage() + ")";
        }
        Set<AbstractInsnNode> ours = Set.of(init, l.iv().update());
        Set<AbstractInsnNode> reads = new HashSet<>();
        InsnList insns = m.instructions;
        for (AbstractInsnNode n = insns.getFirst(); n != null; n = n.getNext()) {
            if (!(n instanceof VarInsnNode v) || v.getOpcode() != Opcodes.LLOAD || v.var != slot) {
                continue;
            }
            Frame<SourceValue> f = frames[insns.indexOf(n)];
            if (f == null) {
                continue;  // unreachable
            }
            Set<AbstractInsnNode> defs = f.getLocal(slot).insns;
            boolean mine = defs.stream().anyMatch(ours::contains);
            if (mine && !ours.containsAll(defs)) {
                return "a read of " + i + " is reached both from this loop and from another store to the same local";
            }
            if (mine) {
                reads.add(n);
            }
        }
        return new Plan(l, init, reads);
    }

    private static boolean isLoad(AbstractInsnNode n, int slot) {
        return n instanceof VarInsnNode v && v.getOpcode() == Opcodes.LLOAD && v.var == slot;
    }

    private static boolean isOne(AbstractInsnNode n) {
        return n != null && Long.valueOf(1).equals(LoopBodies.longConstant(List.of(n)));
    }

    /* The instruction pushes a long that is an int's value: (long) intExpr, or a constant in int range. */
    private static boolean intValued(AbstractInsnNode n) {
        if (n == null) {
            return false;
        }
        Long c = LoopBodies.longConstant(List.of(n));
        return n.getOpcode() == Opcodes.I2L || c != null && c >= Integer.MIN_VALUE && c <= Integer.MAX_VALUE;
    }

    /* The int-pushing instruction that replaces an intValued one. */
    private static void replaceWithInt(InsnList insns, AbstractInsnNode n) {
        if (n.getOpcode() == Opcodes.I2L) {
            insns.remove(n);
        } else {
            insns.set(n, new LdcInsnNode((int) (long) LoopBodies.longConstant(List.of(n))));
        }
    }

    private static void rewrite(MethodNode m, Plan p) {
        InsnList insns = m.instructions;
        Loop l = p.loop();
        int slot = l.iv().slot();
        int narrow = m.maxLocals++;
        /* the update: "lload i; lconst_1; ladd; lstore i" (either operand order) -> "iinc i' 1" */
        AbstractInsnNode update = l.iv().update();
        AbstractInsnNode add = CountedLoops.previousReal(update);
        AbstractInsnNode a = CountedLoops.previousReal(add);
        AbstractInsnNode b = CountedLoops.previousReal(a);
        for (AbstractInsnNode x : List.of(b, a, add)) {
            p.reads().remove(x);
            insns.remove(x);
        }
        insns.set(update, new IincInsnNode(narrow, 1));
        /* the test: "lload i; <bound>; (long) ; lcmp; ifXX exit" -> "iload i'; <bound>; if_icmpXX exit" */
        AbstractInsnNode load = CountedLoops.nextReal(l.head());
        p.reads().remove(load);
        insns.set(load, new VarInsnNode(Opcodes.ILOAD, narrow));
        replaceWithInt(insns, l.bound().get(l.bound().size() - 1));
        JumpInsnNode test = l.test();
        AbstractInsnNode lcmp = CountedLoops.previousReal(test);
        insns.remove(lcmp);
        insns.set(test, new JumpInsnNode(test.getOpcode() - Opcodes.IFEQ + Opcodes.IF_ICMPEQ, test.label));
        /* the start: "<int as long>; lstore i" -> "<int>; istore i'" */
        replaceWithInt(insns, CountedLoops.previousReal(p.init()));
        insns.set(p.init(), new VarInsnNode(Opcodes.ISTORE, narrow));
        /* every other read: "(int) i" is i', anything else (long) i' */
        for (AbstractInsnNode r : p.reads()) {
            AbstractInsnNode next = CountedLoops.nextReal(r);
            if (next != null && next.getOpcode() == Opcodes.L2I) {
                insns.remove(next);
                insns.set(r, new VarInsnNode(Opcodes.ILOAD, narrow));
            } else {
                insns.insert(r, new InsnNode(Opcodes.I2L));
                insns.set(r, new VarInsnNode(Opcodes.ILOAD, narrow));
            }
        }
        if (m.localVariables != null) {
            m.localVariables.removeIf(v -> v.index == slot && v.desc.equals("J"));
        }
    }
}
