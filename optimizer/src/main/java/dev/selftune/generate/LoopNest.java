package dev.selftune.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Two perfectly nested counted loops whose inner body is straight-line, and the dependence test
 * that says whether swapping them keeps every result bit for bit.
 */
public record LoopNest(LoopNestLoop outer, LoopNestLoop inner, LoopNestBody body) {

    /** Every perfectly nested pair of {@code method} whose inner body lifts, outermost first. */
    public static List<LoopNest> find(MethodNode method) {
        List<LoopNest> nests = new ArrayList<>();
        List<LoopNestLoop> loops = LoopNestLoop.find(method);
        for (LoopNestLoop outer : loops) {
            for (LoopNestLoop inner : loops) {
                if (LoopNestLoop.realNext(outer.test()) == inner.init()
                        && LoopNestLoop.realNext(inner.back()) == outer.step()) {
                    try {
                        nests.add(new LoopNest(outer, inner, LoopNestBody.lift(inner.bodyStart(), inner.step())));
                    } catch (LoopNestBody.Refused notStraightLine) {
                        // an inner loop with branches, calls or stores to locals is no candidate
                    }
                }
            }
        }
        return nests;
    }

    /**
     * How many more array accesses of the body walk unit-stride after the swap than before: those
     * whose last index is the outer induction variable (innermost after the swap) minus those whose
     * last index is the inner one (row loads do not count). Candidates are offered best first.
     */
    public int strideGain() {
        int gain = 0;
        List<List<LoopNestExpr>> addresses = new ArrayList<>();
        body.stores().forEach(st -> addresses.add(LoopNestExpr.address(st.array(), st.index())));
        body.loads().stream().filter(l -> l.opcode() != Opcodes.AALOAD)
                .forEach(l -> addresses.add(LoopNestExpr.address(l.array(), l.index())));
        for (List<LoopNestExpr> address : addresses) {
            int iv = LoopNestExpr.bijectiveIn(address.get(address.size() - 1), Set.of(outer.iv(), inner.iv()));
            gain += iv == outer.iv() ? 1 : iv == inner.iv() ? -1 : 0;
        }
        return gain;
    }

    /** The first instruction of the nest (the outer loop's init) and the last (its back edge). */
    public AbstractInsnNode first() {
        return outer.init();
    }

    /**
     * Null when the two loops may be swapped in {@code method} of class {@code owner}; otherwise
     * the rule that fails, naming the element.
     */
    public String whyNotInterchangeable(ClassNode owner, MethodNode method) {
        return whyNotInterchangeable(owner, method, false);
    }

    /**
     * As {@link #whyNotInterchangeable(ClassNode, MethodNode)}; with {@code aliasGuarded} the written
     * arrays need not be fresh: the caller runs the swapped nest only behind a guard that proves no
     * written row is read through another name and that no access in the nest can throw
     * ({@code transform/AliasGuard}), which is what freshness stood for.
     */
    public String whyNotInterchangeable(ClassNode owner, MethodNode method, boolean aliasGuarded) {
        int j = outer.iv();
        int k = inner.iv();
        if (j == k) {
            return "both loops use local " + j;
        }
        Set<Integer> ivs = Set.of(j, k);
        String shape = rectangular(owner, ivs);
        if (shape != null) {
            return shape;
        }
        if (LoopNestLiveness.enteredFromOutside(method, outer.init(), outer.back())) {
            return "the nest is entered by a jump from outside or overlaps a try block";
        }
        if (LoopNestLiveness.isLiveAt(method, outer.exit(), j) || LoopNestLiveness.isLiveAt(method, outer.exit(), k)) {
            return "an induction variable is read after the nest";
        }
        for (FieldInsnNode f : body.fields()) {
            if (!isPlainField(owner, f)) {
                return "the body reads field " + f.owner + "." + f.name + ", not a plain field of this class";
            }
        }
        if (body.stores().isEmpty()) {
            return "the body stores nothing: there is no locality to gain";
        }
        LoopNestEscape escape;
        try {
            escape = LoopNestEscape.analyze(owner.name, method);
        } catch (AnalyzerException e) {
            return "the method does not analyse: " + e.getMessage();
        }
        Set<Integer> checkedRoots = new HashSet<>();
        for (LoopNestExpr.Store store : body.stores()) {
            int root = store.root();
            if (root < 0) {
                return "a store goes to an array not held in a local";
            }
            if (checkedRoots.add(root)) {
                String why = aliasGuarded ? null : escape.whyNotFresh(root, outer.init());
                if (why != null) {
                    return "stores go to local " + root + ", which is not a fresh array: " + why;
                }
                why = sameAddressEverywhere(root, LoopNestExpr.address(store.array(), store.index()), ivs, !aliasGuarded);
                if (why != null) {
                    return why;
                }
            }
        }
        return null;
    }

    /*
     * With every access to the written array at one address A, and A a tuple of components each
     * invariant or a bijection of one induction variable: if A depends on one of them, each element
     * is touched by exactly one value of it and sees the other's values in increasing order in
     * both loop orders; if on both, each element is touched by one iteration only. Either way every
     * element sees the same sequence of operations, so even floating-point results stay bit-exact.
     * A depending on neither is a reduction across both loops, whose order the swap would change.
     * Row reads (AALOAD) are exempt: rows are never replaced, the body has no AASTORE.
     * A fresh flat array may instead be addressed row-major, u * n + v with v over [0, n): then each
     * element is touched by one iteration only (LoopNestFlat says why, wrapping included).
     */
    private String sameAddressEverywhere(int root, List<LoopNestExpr> address, Set<Integer> ivs, boolean fresh) {
        for (LoopNestExpr.Store other : body.stores()) {
            if (other.root() == root && !LoopNestExpr.address(other.array(), other.index()).equals(address)) {
                return "local " + root + " is written at two different addresses";
            }
        }
        for (LoopNestExpr.Element load : body.loads()) {
            if (load.opcode() != Opcodes.AALOAD && load.root() == root
                    && !LoopNestExpr.address(load.array(), load.index()).equals(address)) {
                return "local " + root + " is read at another address than it is written (a loop-carried dependence)";
            }
        }
        if (fresh && address.size() == 1 && LoopNestFlat.isRowMajor(address.get(0), outer, inner)) {
            return null;
        }
        Set<Integer> covered = new HashSet<>();
        for (LoopNestExpr component : address) {
            int iv = LoopNestExpr.bijectiveIn(component, ivs);
            if (iv == -2) {
                return "an index of local " + root + " is not an induction variable plus or minus invariants";
            }
            if (iv >= 0) {
                covered.add(iv);
            }
        }
        if (covered.isEmpty()) {
            return "local " + root + " is updated at one address across both loops (a reduction whose order would change)";
        }
        return null;
    }

    /*
     * A plain (non-volatile) field of this class: reading it more or fewer times, or earlier, is
     * allowed by JLS 17.4 when nothing in between synchronises; a volatile read is an acquire and
     * must stay where it is. Fields of other classes are refused: their declarations are not at hand.
     */
    public static boolean isPlainField(ClassNode owner, FieldInsnNode f) {
        if (!f.owner.equals(owner.name)) {
            return false;
        }
        for (FieldNode field : owner.fields) {
            if (field.name.equals(f.name) && field.desc.equals(f.desc)) {
                return (field.access & Opcodes.ACC_VOLATILE) == 0;
            }
        }
        return false;
    }

    /*
     * The iteration space must be a rectangle: inits and bounds read neither induction variable.
     * Their other locals are invariant (the body stores no local). Bounds may read array lengths
     * and rows: nothing in the nest writes a reference into an array, so they cannot change, and
     * once evaluated without throwing they never throw.
     */
    private String rectangular(ClassNode owner, Set<Integer> ivs) {
        for (AbstractInsnNode init : List.of(outer.init(), inner.init())) {
            if (init instanceof VarInsnNode v && ivs.contains(v.var)) {
                return "a loop starts at the other loop's induction variable (not rectangular)";
            }
        }
        List<AbstractInsnNode> bounds = new ArrayList<>(outer.bound());
        bounds.addAll(inner.bound());
        for (AbstractInsnNode b : bounds) {
            int op = b.getOpcode();
            if (b instanceof VarInsnNode v) {
                if (ivs.contains(v.var)) {
                    return "a bound reads an induction variable (not rectangular)";
                }
                if (op != Opcodes.ILOAD && op != Opcodes.ALOAD) {
                    return "a bound stores a local";
                }
            } else if (!(LoopNestLoop.isConstInt(b) || op == Opcodes.ARRAYLENGTH || op == Opcodes.AALOAD
                    || op == Opcodes.IADD || op == Opcodes.ISUB
                    || b instanceof FieldInsnNode f && f.getOpcode() != Opcodes.PUTFIELD && f.getOpcode() != Opcodes.PUTSTATIC
                    && isPlainField(owner, f))) {
                return "a bound is not a constant, local, plain field, array length, row or sum of those";
            }
        }
        return null;
    }
}
