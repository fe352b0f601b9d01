package dev.selftune.generate;

import dev.selftune.generate.transform.FieldFlags;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Before the transforms: a loop test whose bound is an expression the loop leaves alone but not one of
 * the shapes {@link CountedLoops} takes ({@code i < this.n}, {@code j < b.cols}, {@code i < n - 1},
 * {@code k < this.data.length}) is given that bound in a new local, read once just ahead of the loop.
 * The loop is then a counted loop for every transform. Object-oriented code bounds its loops by fields
 * ({@code size}, {@code rows}); without this, unroll, split-accumulators and the nest rewrites saw no
 * counted loop in, for one, Jama's {@code Matrix.times} (every bound there is {@code this.n},
 * {@code this.m} or {@code B.n}).
 */
public final class BoundHoisting {
    private BoundHoisting() { }

    /*
     * Why reading the bound once is the same program:
     * - the loop model (Loops) found it invariant: pure instructions, no local it reads is written in
     *   the body, no field it reads is written there, and the body makes no call (a call could write
     *   any field) and holds no monitor; an array element in it needs a body that stores no element of
     *   that kind (arrays are typed: a stencil's dastore into out[i] cannot change the row in[i] its bound reads);
     * - another thread's writes: the Java memory model lets a thread read a plain field once for a
     *   loop with no synchronisation action in it (C2 hoists such reads itself). So every field the
     *   bound reads must be known plain, and every field the body touches too (a volatile read in the
     *   body is an acquire, after which a fresh read of the bound could see a newer value). A field
     *   whose class file cannot be read counts as volatile;
     * - exceptions: the bound is read where the loop's first test read it (just ahead of the head, with
     *   no try boundary between), so a null object, a short array or a division by zero throws at the
     *   same point, with the same state behind it;
     * - entry: the loop must be entered by falling into its head, never by a jump from outside (that
     *   entry would skip the read). Only int-tested top-tested loops are touched.
     * The original loop stays as it was otherwise; this is not a variant by itself (Generator leaves the
     * hoisted class out of the variants, as it does the imports).
     */

    /** Hoists the bounds of {@code method}'s loops in place; returns how many loops changed. */
    public static int apply(ClassNode owner, MethodNode method, Function<String, InputStream> resources) {
        return plan(owner, method, resources, null).size();
    }

    /**
     * The loops whose bounds {@link #apply} would hoist (their heads), and, in {@code refusals} when
     * given, why each other non-counted bound stays: a loop head's index mapped to the reason.
     */
    static List<Loop> plan(ClassNode owner, MethodNode method, Function<String, InputStream> resources,
                           Map<Integer, String> refusals) {
        List<Loop> chosen = new ArrayList<>();
        InsnList insns = method.instructions;
        Map<Integer, String> why = refusals == null ? new LinkedHashMap<>() : refusals;
        List<Loop> loops = Loops.find(method);
        List<AbstractInsnNode> at = new ArrayList<>();
        for (Loop l : loops) {
            if (l.bottomTested() || l.iv().isLong() || l.bound().isEmpty() || CountedLoops.isCountedBound(l.bound(), l.iv().slot())) {
                continue;
            }
            String reason = l.boundInvariant() ? entryRefusal(owner, method, l, resources)
                    : "its bound may change while it runs (the body writes something the bound reads, or makes a call)";
            if (reason != null) {
                why.put(insns.indexOf(l.head()), reason);
                continue;
            }
            chosen.add(l);
            at.add(readPoint(owner, method, l, loops, resources));
        }
        if (refusals == null) {
            for (int i = 0; i < chosen.size(); i++) {
                hoist(method, chosen.get(i), at.get(i));
            }
        }
        return chosen;
    }

    /*
     * Where the bound is read: ahead of the loop's javac-shaped init ("iconst_0; istore i", which reads
     * nothing the bound reads and cannot throw) when it has one, so the nest rewrites still see
     * "init; istore iv; head", else right ahead of the head. A bound that cannot throw or start class
     * initialisation (locals, constants, fields of this, statics of this class, + - * and the like)
     * moves further out, ahead of each enclosing loop that leaves it alone too: an inner loop's bound
     * read inside the outer loop's body would break the perfect nesting that interchange and tile need.
     * Evaluating such a bound when the original would not have (the outer loop runs zero times) is
     * unobservable.
     */
    private static AbstractInsnNode readPoint(ClassNode owner, MethodNode method, Loop l, List<Loop> loops,
                                              Function<String, InputStream> resources) {
        Loop target = l;
        if (cannotThrow(owner, method, l.bound())) {
            for (boolean moved = true; moved; ) {
                moved = false;
                for (Loop e : loops) {
                    if (e.encloses(method, target) && directlyEncloses(method, e, target, loops) && invariantIn(method, e, l.bound())
                            && entryRefusal(owner, method, e, resources) == null) {
                        target = e;
                        moved = true;
                        break;
                    }
                }
            }
        }
        return entry(target);
    }

    private static boolean directlyEncloses(MethodNode method, Loop outer, Loop inner, List<Loop> loops) {
        return loops.stream().noneMatch(m -> m != outer && m != inner && outer.encloses(method, m) && m.encloses(method, inner));
    }

    private static boolean invariantIn(MethodNode method, Loop e, List<AbstractInsnNode> bound) {
        LoopBodies.Summary body = LoopBodies.summarise(method, e.bodyFirst(), e.backEdge());
        return !body.monitors() && bound.stream().allMatch(b -> LoopBodies.isInvariant(b, body));
    }

    /* Loads, constants, arithmetic that cannot throw, fields of this (local 0 never reassigned) and statics of this class. */
    private static boolean cannotThrow(ClassNode owner, MethodNode method, List<AbstractInsnNode> bound) {
        boolean thisKept = (method.access & Opcodes.ACC_STATIC) == 0;
        for (AbstractInsnNode n = method.instructions.getFirst(); n != null && thisKept; n = n.getNext()) {
            thisKept = !(n instanceof VarInsnNode v && v.var == 0 && n.getOpcode() == Opcodes.ASTORE);
        }
        for (int i = 0; i < bound.size(); i++) {
            AbstractInsnNode n = bound.get(i);
            int op = n.getOpcode();
            boolean ok = (op >= Opcodes.ILOAD && op <= Opcodes.DLOAD) || LoopBodies.longConstant(List.of(n)) != null
                    || op == Opcodes.IADD || op == Opcodes.ISUB || op == Opcodes.IMUL || op == Opcodes.ISHL || op == Opcodes.ISHR
                    || op == Opcodes.IUSHR || op == Opcodes.IAND || op == Opcodes.IOR || op == Opcodes.IXOR || op == Opcodes.INEG
                    || (op == Opcodes.GETSTATIC && declaredIn(owner, (FieldInsnNode) n))
                    || (op == Opcodes.ALOAD && thisKept && ((VarInsnNode) n).var == 0 && i + 1 < bound.size()
                        && bound.get(i + 1).getOpcode() == Opcodes.GETFIELD);
            if (op == Opcodes.GETFIELD) {
                ok = i > 0 && bound.get(i - 1).getOpcode() == Opcodes.ALOAD && ((VarInsnNode) bound.get(i - 1)).var == 0 && thisKept;
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /* A static of the class itself (not one it inherits from an interface, whose initialisation is its own): already initialised. */
    private static boolean declaredIn(ClassNode owner, FieldInsnNode f) {
        return f.owner.equals(owner.name) && owner.fields.stream().anyMatch(d -> d.name.equals(f.name) && d.desc.equals(f.desc));
    }

    /* The javac init "push; istore iv" right ahead of the head, or the head itself. */
    private static AbstractInsnNode entry(Loop l) {
        AbstractInsnNode store = CountedLoops.previousReal(l.head());
        if (store instanceof VarInsnNode v && store.getOpcode() == Opcodes.ISTORE && v.var == l.iv().slot()) {
            AbstractInsnNode push = CountedLoops.previousReal(store);
            if (LoopNestLoop.isSimpleInit(push, v.var) && !labelledBetween(push, l.head())) {
                return push;
            }
        }
        return l.head();
    }

    /* A label strictly between from and to (a jump could land between them). */
    private static boolean labelledBetween(AbstractInsnNode from, AbstractInsnNode to) {
        for (AbstractInsnNode n = from.getNext(); n != null && n != to; n = n.getNext()) {
            if (n instanceof LabelNode) {
                return true;
            }
        }
        return false;
    }

    /* The volatility, entry and try-range rules of the class comment for reading l's bound (or an inner bound) ahead of l. */
    private static String entryRefusal(ClassNode owner, MethodNode method, Loop l, Function<String, InputStream> resources) {
        InsnList insns = method.instructions;
        for (AbstractInsnNode n = l.head(); n != null && n != l.backEdge().getNext(); n = n.getNext()) {
            if (n instanceof FieldInsnNode f && FieldFlags.of(owner, f, resources) != FieldFlags.Volatility.PLAIN) {
                return "the loop reads or writes " + f.owner.replace('/', '.') + "." + f.name
                        + ", which is volatile or whose class cannot be read, so its bound may not be read once";
            }
        }
        AbstractInsnNode start = entry(l);
        AbstractInsnNode before = CountedLoops.previousReal(start);
        if (before != null && LoopBodies.neverFallsThrough(before)) {
            return "it is entered by a jump to its head, not by falling into it";
        }
        int headAt = insns.indexOf(l.head());
        int backAt = insns.indexOf(l.backEdge());
        int at = 0;
        for (AbstractInsnNode n = insns.getFirst(); n != null; n = n.getNext(), at++) {
            for (LabelNode t : CountedLoops.targets(n)) {
                boolean inside = at >= headAt && at <= backAt;
                if ((!inside || t != l.head()) && spanHolds(before, l.head(), t)) {
                    return "it is entered by a jump to its head, not only by falling into it";
                }
            }
        }
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            if (spanHolds(before, l.head(), tcb.start) || spanHolds(before, l.head(), tcb.end) || spanHolds(before, l.head(), tcb.handler)) {
                return "a try range starts or ends at its head";
            }
        }
        return null;
    }

    /* True when t lies after before (null: the method's start) and no later than the head label: where the read will go or the loop starts. */
    private static boolean spanHolds(AbstractInsnNode before, LabelNode head, LabelNode t) {
        for (AbstractInsnNode n = before == null ? firstOf(head) : before.getNext(); n != null; n = n.getNext()) {
            if (n == t) {
                return true;
            }
            if (n == head) {
                return false;
            }
        }
        return false;
    }

    private static AbstractInsnNode firstOf(AbstractInsnNode n) {
        while (n.getPrevious() != null) {
            n = n.getPrevious();
        }
        return n;
    }


    private static void hoist(MethodNode method, Loop l, AbstractInsnNode at) {
        int local = method.maxLocals;
        method.maxLocals += 1;
        InsnList read = new InsnList();
        Map<LabelNode, LabelNode> none = new LinkedHashMap<>();
        for (AbstractInsnNode b : l.bound()) {
            read.add(b.clone(none));
        }
        read.add(new VarInsnNode(Opcodes.ISTORE, local));
        method.instructions.insertBefore(at, read);
        List<AbstractInsnNode> bound = l.bound();
        method.instructions.set(bound.get(0), new VarInsnNode(Opcodes.ILOAD, local));
        for (int i = 1; i < bound.size(); i++) {
            method.instructions.remove(bound.get(i));
        }
    }
}
