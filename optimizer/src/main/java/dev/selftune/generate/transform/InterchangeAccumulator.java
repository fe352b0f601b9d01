package dev.selftune.generate.transform;

import dev.selftune.generate.LoopNestBody;
import dev.selftune.generate.LoopNestEscape;
import dev.selftune.generate.LoopNestExpr;
import dev.selftune.generate.LoopNestLiveness;
import dev.selftune.generate.LoopNestLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The accumulator form of a nest, {@code for j { s = 0; for k s += E; c[..j..] = s; }}, and its
 * rewrite to {@code for j c[..j..] = 0; for j for k c[..j..] += E;}, a perfect nest to interchange.
 */
final class InterchangeAccumulator {
    private InterchangeAccumulator() { }

    /** The matched pieces: the zero init of {@code s}, its update in the inner loop and the final store. */
    record Shape(LoopNestLoop outer, LoopNestLoop inner, AbstractInsnNode zero, VarInsnNode zeroStore,
                 VarInsnNode accLoad, VarInsnNode accStore, List<AbstractInsnNode> target,
                 VarInsnNode finalLoad, AbstractInsnNode finalStore) { }

    /*
     * Exact because: s starts at +0.0 (or 0) and so does the element after the first loop; E reads
     * neither s nor the written array, so it yields the same values; the element's address reads j
     * (Interchange checks it is a bijection of j on the sunk nest), so each element receives exactly
     * the additions s received, in the same order, and ends holding the value s was stored with.
     * The written array is fresh and unescaped, so its intermediate states are not observable.
     */
    static List<Shape> find(ClassNode owner, MethodNode method) {
        return scan(owner, method, new ArrayList<>());
    }

    /** Why each accumulator nest that matched the shape was refused, one sentence each (slots as {@code local N}). */
    static List<String> refusals(ClassNode owner, MethodNode method) {
        List<String> why = new ArrayList<>();
        scan(owner, method, why);
        return why;
    }

    private static List<Shape> scan(ClassNode owner, MethodNode method, List<String> refusals) {
        List<Shape> shapes = new ArrayList<>();
        List<LoopNestLoop> loops = LoopNestLoop.find(method);
        LoopNestEscape escape = null;
        for (LoopNestLoop outer : loops) {
            for (LoopNestLoop inner : loops) {
                Shape shape = match(method, outer, inner);
                if (shape == null) {
                    continue;
                }
                try {
                    if (escape == null) {
                        escape = LoopNestEscape.analyze(owner.name, method);
                    }
                } catch (AnalyzerException e) {
                    refusals.add("the method does not analyse: " + e.getMessage());
                    return shapes;
                }
                String why = refusal(method, shape, escape);
                if (why == null) {
                    shapes.add(shape);
                } else {
                    refusals.add("accumulator nest over local " + outer.iv() + ", local " + inner.iv() + ": " + why);
                }
            }
        }
        return shapes;
    }

    private static String refusal(MethodNode method, Shape shape, LoopNestEscape escape) {
        int root = LoopNestExpr.root(rootOf(shape));
        if (root < 0) {
            return "the sum is stored into an array not held in a local";
        }
        String notFresh = escape.whyNotFresh(root, shape.outer().init());
        if (notFresh != null) {
            return "the sum is stored into local " + root + ", which is not a fresh array: " + notFresh;
        }
        if (!readsNot(shape, root)) {
            return "the summed expression reads local " + root + ", the array the sum is stored into";
        }
        if (LoopNestLiveness.isLiveAt(method, shape.outer().step(), shape.zeroStore().var)) {
            return "the accumulator local " + shape.zeroStore().var + " is read after the inner loop";
        }
        if (LoopNestLiveness.enteredFromOutside(method, shape.outer().init(), shape.outer().back())) {
            return "the nest is entered by a jump from outside or overlaps a try block";
        }
        return null;
    }

    private static Shape match(MethodNode method, LoopNestLoop outer, LoopNestLoop inner) {
        AbstractInsnNode zero = LoopNestLoop.realNext(outer.test());
        int type = zero == null ? -1 : switch (zero.getOpcode()) {
            case Opcodes.ICONST_0 -> 0;
            case Opcodes.LCONST_0 -> 1;
            case Opcodes.FCONST_0 -> 2;
            case Opcodes.DCONST_0 -> 3;
            default -> -1;
        };
        if (type < 0 || !(LoopNestLoop.realNext(zero) instanceof VarInsnNode zeroStore)
                || zeroStore.getOpcode() != Opcodes.ISTORE + type || LoopNestLoop.realNext(zeroStore) != inner.init()
                || LoopNestLoop.realNext(inner.back()) == null) {
            return null;
        }
        int s = zeroStore.var;
        if (!(LoopNestLoop.realNext(inner.test()) instanceof VarInsnNode accLoad) || accLoad.var != s
                || accLoad.getOpcode() != Opcodes.ILOAD + type
                || !(previous(inner.step()) instanceof VarInsnNode accStore) || accStore.var != s
                || accStore.getOpcode() != Opcodes.ISTORE + type
                || previous(accStore).getOpcode() != Opcodes.IADD + type) {
            return null;
        }
        List<AbstractInsnNode> target = new ArrayList<>();
        AbstractInsnNode n = LoopNestLoop.realNext(inner.back());
        while (n != null && !(n instanceof VarInsnNode v && v.var == s) && target.size() < 12) {
            target.add(n);
            n = LoopNestLoop.realNext(n);
        }
        if (!(n instanceof VarInsnNode finalLoad) || finalLoad.getOpcode() != Opcodes.ILOAD + type) {
            return null;
        }
        AbstractInsnNode finalStore = LoopNestLoop.realNext(finalLoad);
        int storeOp = new int[] {Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE}[type];
        if (finalStore == null || finalStore.getOpcode() != storeOp || LoopNestLoop.realNext(finalStore) != outer.step()) {
            return null;
        }
        try {
            LoopNestExpr e = LoopNestBody.liftValue(accLoad.getNext(), previous(accStore));
            LoopNestBody store = LoopNestBody.lift(target.get(0), finalStore.getNext());
            LoopNestExpr.Store st = store.stores().get(0);
            if (e.reads(s) || st.array().reads(s) || st.index().reads(s) || st.array().reads(inner.iv())
                    || st.index().reads(inner.iv()) || store.stores().size() != 1) {
                return null;
            }
        } catch (LoopNestBody.Refused | IndexOutOfBoundsException notPure) {
            return null;
        }
        return new Shape(outer, inner, zero, zeroStore, accLoad, accStore, List.copyOf(target), finalLoad, finalStore);
    }

    private static LoopNestExpr rootOf(Shape shape) {
        try {
            return LoopNestBody.lift(shape.target().get(0), shape.finalStore().getNext()).stores().get(0).array();
        } catch (LoopNestBody.Refused e) {
            throw new IllegalStateException("matched before", e);
        }
    }

    /** E (the inner update) must not read the written array at all: it would see partial sums. */
    private static boolean readsNot(Shape shape, int root) {
        try {
            return !LoopNestBody.liftValue(shape.accLoad().getNext(), previous(shape.accStore())).reads(root);
        } catch (LoopNestBody.Refused e) {
            return false;
        }
    }

    /*
     * Rewrites in place; Interchange then finds the sunk (now perfect) nest at the same loop
     * nodes. The zeroing loop is a copy of the outer loop's header around "target = 0".
     */
    static void sink(MethodNode method, Shape s) {
        InsnList insns = method.instructions;
        LoopNestLoop outer = s.outer();
        int elementLoad = s.finalStore().getOpcode() - (Opcodes.IASTORE - Opcodes.IALOAD);
        Map<LabelNode, LabelNode> none = new HashMap<>();
        LabelNode head = new LabelNode();
        LabelNode exit = new LabelNode();
        InsnList zeroing = new InsnList();
        zeroing.add(outer.init().clone(none));
        zeroing.add(new VarInsnNode(Opcodes.ISTORE, outer.iv()));
        zeroing.add(head);
        zeroing.add(new VarInsnNode(Opcodes.ILOAD, outer.iv()));
        outer.bound().forEach(b -> zeroing.add(b.clone(none)));
        zeroing.add(new JumpInsnNode(Opcodes.IF_ICMPGE, exit));
        s.target().forEach(t -> zeroing.add(t.clone(none)));
        zeroing.add(s.zero().clone(none));
        zeroing.add(s.finalStore().clone(none));
        zeroing.add(new IincInsnNode(outer.iv(), 1));
        zeroing.add(new JumpInsnNode(Opcodes.GOTO, head));
        zeroing.add(exit);
        insns.insertBefore(outer.init(), zeroing);

        InsnList update = new InsnList();
        s.target().forEach(t -> update.add(t.clone(none)));
        update.add(new InsnNode(Opcodes.DUP2));
        update.add(new InsnNode(elementLoad));
        insns.insertBefore(s.accLoad(), update);
        insns.remove(s.accLoad());
        insns.set(s.accStore(), s.finalStore().clone(none));
        insns.remove(s.zero());
        insns.remove(s.zeroStore());
        s.target().forEach(insns::remove);
        insns.remove(s.finalLoad());
        insns.remove(s.finalStore());
        method.maxStack += 4;
        Interchange.cleanUp(method, s.zeroStore().var);
    }

    private static AbstractInsnNode previous(AbstractInsnNode insn) {
        AbstractInsnNode n = insn.getPrevious();
        while (n != null && n.getOpcode() < 0) {
            n = n.getPrevious();
        }
        return n;
    }
}
