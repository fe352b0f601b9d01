package dev.selftune.generate.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import dev.selftune.generate.CountedLoops;
import dev.selftune.generate.Transform;
import dev.selftune.generate.TransformContext;

/**
 * Turns an int or long compare-and-branch that only selects a value into the {@code Math} call that
 * computes it without a branch: {@code d < 0 ? -d : d} and {@code if (d < 0) d = -d} become
 * {@code Math.abs(d)}; {@code a < b ? a : b}, {@code if (e < m) m = e} and the clamp
 * {@code if (v < 0) v = 0} become {@code Math.min}/{@code Math.max}. Parameter {@code kinds}: 1 rewrites
 * the absolute values, 2 the minima and maxima, 3 both.
 *
 * <p>Why: on data whose sign or order is random the branch mispredicts about half the time (a sum of
 * absolute differences ran 4.3x slower in its branch form than with {@code Math.abs} on JDK 17 here),
 * and C2 does not always turn it into a conditional move; the intrinsics compile to branch-free code
 * and, as reductions, are what {@code split-accumulators} and the vectoriser recognise. Where the
 * branch is predictable (a running minimum that settles early) the branch can be the faster one,
 * which is why the two kinds are separate candidates and measurement decides.
 *
 * <p>Exact when: the compare is of ints or longs ({@code Math.abs/min/max} of float or double differ
 * from a compare on -0.0 and NaN, so those are left); each arm is a pure expression (locals,
 * constants, array elements, arithmetic without division) textually equal to an operand of the
 * compare or its negation, so it evaluates to the value the compare just saw (nothing is written in
 * between); the arms sit in the diamond javac compiles (no other jump enters it or the compared
 * expressions); and the compare and arms match {@code abs}, {@code min} or {@code max} on every
 * input, ties included (for equal ints either arm is the same value; {@code -0 == 0};
 * {@code -MIN_VALUE == MIN_VALUE == Math.abs(MIN_VALUE)}).
 */
public final class BranchFree implements Transform {
    public static final String NAME = "branch-free";
    static final int ABS = 1;
    static final int MIN_MAX = 2;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Map<String, Integer>> candidates(ClassNode owner, MethodNode method, TransformContext ctx) {
        int kinds = 0;
        for (Site s : sites(method)) {
            kinds |= s.kind();
        }
        List<Map<String, Integer>> out = new ArrayList<>();
        if (kinds == (ABS | MIN_MAX)) {
            out.add(Map.of("kinds", ABS | MIN_MAX));
        }
        if ((kinds & ABS) != 0) {
            out.add(Map.of("kinds", ABS));
        }
        if ((kinds & MIN_MAX) != 0) {
            out.add(Map.of("kinds", MIN_MAX));
        }
        return out;
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode method, Map<String, Integer> params, TransformContext ctx) {
        Integer kinds = params.get("kinds");
        if (kinds == null || kinds < 1 || kinds > 3) {
            return false;
        }
        boolean any = false;
        /* one site at a time: each rewrite changes the instruction list the next match reads */
        for (int guard = 0; guard < 1000; guard++) {
            Site next = null;
            for (Site s : sites(method)) {
                if ((s.kind() & kinds) != 0) {
                    next = s;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            rewrite(method, next);
            any = true;
        }
        return any;
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode method, TransformContext ctx) {
        for (AbstractInsnNode n : method.instructions) {
            int op = n.getOpcode();
            if ((op == Opcodes.FCMPL || op == Opcodes.FCMPG || op == Opcodes.DCMPL || op == Opcodes.DCMPG)
                    && n.getNext() instanceof JumpInsnNode) {
                return "no int or long select (x < 0 ? -x : x, a < b ? a : b, if (e < m) m = e) in " + method.name
                        + "; float and double selects are left, because Math.abs/min/max differ from a compare on -0.0 and NaN";
            }
        }
        return "no int or long select (x < 0 ? -x : x, a < b ? a : b, if (e < m) m = e, if (v < 0) v = 0) whose arms repeat"
                + " the compared expressions in " + method.name;
    }

    /**
     * One select: the compare's jump, the instructions to remove after it up to {@code end}, the join
     * label, where the call goes (labels stay; an outer select may jump to the same join), the lcmp and zero constant to remove before it (or null), whether a
     * zero must be pushed for a one-operand int compare, the Math method, and the store of the
     * statement form (kept, it now always runs) or null.
     */
    record Site(int kind, JumpInsnNode jump, AbstractInsnNode end, AbstractInsnNode lcmp, AbstractInsnNode zero,
                boolean pushZero, String function, char sort, VarInsnNode store, List<Integer> conversions) { }

    /* Widenings and narrowings javac copies into both arms ((long) of an int ternary): applied after the call. */
    private static final Set<Integer> CONVERSIONS = Set.of(Opcodes.I2L, Opcodes.L2I, Opcodes.I2B, Opcodes.I2C, Opcodes.I2S);

    static List<Site> sites(MethodNode m) {
        Map<LabelNode, Integer> targets = targets(m);
        List<Site> out = new ArrayList<>();
        for (AbstractInsnNode n : m.instructions) {
            if (n instanceof JumpInsnNode j && relation(j.getOpcode()) != 0 && targets.get(j.label) == 1) {
                Site s = match(j, targets);
                if (s != null) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /*
     * Every label control can reach other than by falling through, with how many jumps refer to it; a
     * switch, a handler or a try-block bound counts as SWITCH_OR_TRY, so code around them is never removed.
     */
    private static final int SWITCH_OR_TRY = 1 << 16;

    private static Map<LabelNode, Integer> targets(MethodNode m) {
        Map<LabelNode, Integer> refs = new HashMap<>();
        for (AbstractInsnNode n : m.instructions) {
            int weight = n instanceof JumpInsnNode ? 1 : SWITCH_OR_TRY;
            for (LabelNode l : CountedLoops.targets(n)) {
                refs.merge(l, weight, Integer::sum);
            }
        }
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            refs.merge(t.handler, SWITCH_OR_TRY, Integer::sum);
            refs.merge(t.start, SWITCH_OR_TRY, Integer::sum);
            refs.merge(t.end, SWITCH_OR_TRY, Integer::sum);
        }
        return refs;
    }

    /* IFLT..IFLE and IF_ICMPLT..IF_ICMPLE as the relation under which the jump is taken: 1 <, 2 >=, 3 >, 4 <=. */
    private static int relation(int op) {
        return switch (op) {
            case Opcodes.IFLT, Opcodes.IF_ICMPLT -> 1;
            case Opcodes.IFGE, Opcodes.IF_ICMPGE -> 2;
            case Opcodes.IFGT, Opcodes.IF_ICMPGT -> 3;
            case Opcodes.IFLE, Opcodes.IF_ICMPLE -> 4;
            default -> 0;
        };
    }

    private static Site match(JumpInsnNode j, Map<LabelNode, Integer> targets) {
        /* the arms: value form "A1; goto L2; L1: A2; L2:" or statement form "A1; xstore v; L1:" */
        List<AbstractInsnNode> arm1 = new ArrayList<>();
        AbstractInsnNode n = j.getNext();
        for (; n != null && !(n instanceof JumpInsnNode) && !(n instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE)
                && !(n instanceof LabelNode l && l == j.label); n = n.getNext()) {
            if (entered(n, targets)) {
                return null;
            }
            if (real(n)) {
                arm1.add(n);
            }
        }
        List<AbstractInsnNode> arm2 = new ArrayList<>();
        AbstractInsnNode end;
        VarInsnNode store = null;
        if (n instanceof JumpInsnNode g && g.getOpcode() == Opcodes.GOTO && g.label != j.label
                && targets.get(g.label) < SWITCH_OR_TRY) {
            AbstractInsnNode k = g.getNext();
            while (k != null && !real(k) && k != j.label && !entered(k, targets)) {
                k = k.getNext();
            }
            if (k != j.label) {
                return null;
            }
            for (k = k.getNext(); k != null && k != g.label; k = k.getNext()) {
                if (entered(k, targets)) {
                    return null;
                }
                if (real(k)) {
                    arm2.add(k);
                }
            }
            if (k == null) {
                return null;
            }
            end = g.label;
        } else if (n instanceof VarInsnNode v && (v.getOpcode() == Opcodes.ISTORE || v.getOpcode() == Opcodes.LSTORE)) {
            AbstractInsnNode k = v.getNext();
            while (k != null && !real(k) && k != j.label && !entered(k, targets)) {
                k = k.getNext();
            }
            if (k != j.label) {
                return null;
            }
            store = v;
            arm2.add(new VarInsnNode(v.getOpcode() - Opcodes.ISTORE + Opcodes.ILOAD, v.var));
            end = j.label;
        } else {
            return null;
        }
        List<Integer> conversions = new ArrayList<>();
        while (store == null && arm1.size() > 1 && arm2.size() > 1 && same(arm1.get(arm1.size() - 1), arm2.get(arm2.size() - 1))
                && CONVERSIONS.contains(arm1.get(arm1.size() - 1).getOpcode())) {
            conversions.add(0, arm1.remove(arm1.size() - 1).getOpcode());
            arm2.remove(arm2.size() - 1);
        }
        if (!pure(arm1) || !pure(arm2) || same(arm1, arm2)) {
            return null;
        }
        /* the compared expressions: "X Y if_icmp", "X if<0>", "X Y lcmp if<0>" */
        List<AbstractInsnNode> before = before(j, targets);
        AbstractInsnNode lcmp = null;
        char sort = 'I';
        boolean oneOperand = j.getOpcode() <= Opcodes.IFLE;
        if (oneOperand && !before.isEmpty() && before.get(before.size() - 1).getOpcode() == Opcodes.LCMP) {
            lcmp = before.remove(before.size() - 1);
            sort = 'J';
            oneOperand = false;
        }
        int notJumped = switch (relation(j.getOpcode())) {
            case 1 -> 2;
            case 2 -> 1;
            case 3 -> 4;
            default -> 3;
        };
        boolean lessWhenArm1 = notJumped == 1 || notJumped == 4;
        /* abs: one arm the operand, the other its negation, compared against zero */
        int neg = sort == 'I' ? Opcodes.INEG : Opcodes.LNEG;
        List<AbstractInsnNode> x = null;
        boolean arm1Negated = false;
        if (negationOf(arm1, arm2, neg)) {
            x = arm2;
            arm1Negated = true;
        } else if (negationOf(arm2, arm1, neg)) {
            x = arm1;
        }
        if (x != null) {
            AbstractInsnNode zero = null;
            List<AbstractInsnNode> ops = before;
            if (sort == 'J') {
                if (ops.isEmpty() || ops.get(ops.size() - 1).getOpcode() != Opcodes.LCONST_0) {
                    return null;
                }
                zero = ops.get(ops.size() - 1);
                ops = ops.subList(0, ops.size() - 1);
            } else if (!oneOperand) {
                return null;
            }
            /* x < 0 ? -x : x and x > 0 ? x : -x, with <= / >= alike (at 0 both arms are 0) */
            if (endsWith(ops, x) && arm1Negated == lessWhenArm1 && sortOf(x) == sort) {
                return new Site(ABS, j, end, lcmp, zero, false, "abs", sort, store, conversions);
            }
            return null;
        }
        /* min/max: the arms are the two operands, in either order */
        List<AbstractInsnNode> xs;
        List<AbstractInsnNode> ys;
        boolean pushZero = false;
        if (oneOperand) {
            List<AbstractInsnNode> zeroArm = List.of(new InsnNode(Opcodes.ICONST_0));
            if (same(arm2, zeroArm) && endsWith(before, arm1)) {
                xs = arm1;
                ys = arm2;
            } else if (same(arm1, zeroArm) && endsWith(before, arm2)) {
                xs = arm2;
                ys = arm1;
            } else {
                return null;
            }
            pushZero = true;
        } else if (endsWith(before, concat(arm1, arm2))) {
            xs = arm1;
            ys = arm2;
        } else if (endsWith(before, concat(arm2, arm1))) {
            xs = arm2;
            ys = arm1;
        } else {
            return null;
        }
        if (sortOf(xs) != sort || sortOf(ys) != sort) {
            return null;
        }
        /* value = notJumped(X, Y) ? arm1 : arm2; "X < Y ? X : Y" is min, "X < Y ? Y : X" is max */
        boolean arm1IsX = xs == arm1;
        String fn = lessWhenArm1 == arm1IsX ? "min" : "max";
        return new Site(MIN_MAX, j, end, lcmp, null, pushZero, fn, sort, store, conversions);
    }

    private static void rewrite(MethodNode m, Site s) {
        InsnList insns = m.instructions;
        String t = String.valueOf(s.sort());
        String desc = s.function().equals("abs") ? "(" + t + ")" + t : "(" + t + t + ")" + t;
        InsnList call = new InsnList();
        if (s.pushZero()) {
            call.add(new InsnNode(Opcodes.ICONST_0));
        }
        call.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Math", s.function(), desc, false));
        s.conversions().forEach(op -> call.add(new InsnNode(op)));
        /* remove from the jump to the end, keeping labels (local-variable ranges may name them) and the store */
        AbstractInsnNode n = s.jump();
        AbstractInsnNode stop = s.end().getNext();
        while (n != stop) {
            AbstractInsnNode next = n.getNext();
            if (!(n instanceof LabelNode) && n != s.store() && !(n instanceof LineNumberNode)) {
                insns.remove(n);
            }
            n = next;
        }
        /* before the join label: other selects that end there (a nested ternary's outer arms) jump past the call */
        insns.insertBefore(s.store() != null ? s.store() : s.end(), call);
        if (s.lcmp() != null) {
            insns.remove(s.lcmp());
        }
        if (s.zero() != null) {
            insns.remove(s.zero());
        }
    }

    /* The real instructions right before j, back to the first label control can reach otherwise. */
    private static List<AbstractInsnNode> before(JumpInsnNode j, Map<LabelNode, Integer> targets) {
        List<AbstractInsnNode> out = new ArrayList<>();
        for (AbstractInsnNode n = j.getPrevious(); n != null && out.size() < 64; n = n.getPrevious()) {
            if (entered(n, targets) || n instanceof JumpInsnNode) {
                break;
            }
            if (real(n)) {
                out.add(0, n);
            }
        }
        return out;
    }

    /* A label control reaches other than by falling through: code on either side of it is not one path. */
    private static boolean entered(AbstractInsnNode n, Map<LabelNode, Integer> targets) {
        return n instanceof LabelNode l && targets.containsKey(l);
    }

    private static boolean real(AbstractInsnNode n) {
        return n.getOpcode() >= 0;
    }

    private static final Set<Integer> PURE = Set.of(Opcodes.ILOAD, Opcodes.LLOAD, Opcodes.ALOAD,
            Opcodes.ICONST_M1, Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2, Opcodes.ICONST_3, Opcodes.ICONST_4,
            Opcodes.ICONST_5, Opcodes.LCONST_0, Opcodes.LCONST_1, Opcodes.BIPUSH, Opcodes.SIPUSH, Opcodes.LDC,
            Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD, Opcodes.AALOAD,
            Opcodes.IADD, Opcodes.ISUB, Opcodes.IMUL, Opcodes.IAND, Opcodes.IOR, Opcodes.IXOR, Opcodes.ISHL, Opcodes.ISHR,
            Opcodes.IUSHR, Opcodes.LADD, Opcodes.LSUB, Opcodes.LMUL, Opcodes.LAND, Opcodes.LOR, Opcodes.LXOR, Opcodes.LSHL,
            Opcodes.LSHR, Opcodes.LUSHR, Opcodes.INEG, Opcodes.LNEG, Opcodes.I2L, Opcodes.L2I, Opcodes.I2B, Opcodes.I2C,
            Opcodes.I2S, Opcodes.ARRAYLENGTH);

    /* Pure and self-contained: it pushes one value from nothing below it, reading only locals, constants and arrays. */
    private static boolean pure(List<AbstractInsnNode> e) {
        int depth = 0;
        for (AbstractInsnNode n : e) {
            int op = n.getOpcode();
            if (n instanceof MethodInsnNode call && intrinsic(call)) {
                /* an inner select already rewritten: Math.abs/min/max of ints or longs */
                int pops = call.name.equals("abs") ? 1 : 2;
                if (pops > depth) {
                    return false;
                }
                depth = depth - pops + 1;
                continue;
            }
            if (!PURE.contains(op) || (n instanceof LdcInsnNode l && !(l.cst instanceof Integer || l.cst instanceof Long))) {
                return false;
            }
            int pops = switch (op) {
                case Opcodes.ILOAD, Opcodes.LLOAD, Opcodes.ALOAD, Opcodes.ICONST_M1, Opcodes.ICONST_0, Opcodes.ICONST_1,
                     Opcodes.ICONST_2, Opcodes.ICONST_3, Opcodes.ICONST_4, Opcodes.ICONST_5, Opcodes.LCONST_0,
                     Opcodes.LCONST_1, Opcodes.BIPUSH, Opcodes.SIPUSH, Opcodes.LDC -> 0;
                case Opcodes.INEG, Opcodes.LNEG, Opcodes.I2L, Opcodes.L2I, Opcodes.I2B, Opcodes.I2C, Opcodes.I2S,
                     Opcodes.ARRAYLENGTH -> 1;
                default -> 2;
            };
            if (pops > depth) {
                return false;
            }
            depth = depth - pops + 1;
        }
        return depth == 1;
    }

    private static boolean intrinsic(MethodInsnNode m) {
        return m.getOpcode() == Opcodes.INVOKESTATIC && m.owner.equals("java/lang/Math")
                && (m.name.equals("abs") || m.name.equals("min") || m.name.equals("max"))
                && (m.desc.equals("(I)I") || m.desc.equals("(J)J") || m.desc.equals("(II)I") || m.desc.equals("(JJ)J"));
    }

    /* The sort of the value a pure expression leaves: I (int, byte, char, short, boolean) or J, else '?'. */
    private static char sortOf(List<AbstractInsnNode> e) {
        AbstractInsnNode last = e.get(e.size() - 1);
        if (last instanceof MethodInsnNode m) {
            return m.desc.charAt(m.desc.length() - 1);
        }
        return switch (last.getOpcode()) {
            case Opcodes.LLOAD, Opcodes.LCONST_0, Opcodes.LCONST_1, Opcodes.LALOAD, Opcodes.LADD, Opcodes.LSUB, Opcodes.LMUL,
                 Opcodes.LAND, Opcodes.LOR, Opcodes.LXOR, Opcodes.LSHL, Opcodes.LSHR, Opcodes.LUSHR, Opcodes.LNEG, Opcodes.I2L -> 'J';
            case Opcodes.LDC -> ((LdcInsnNode) last).cst instanceof Long ? 'J' : 'I';
            case Opcodes.ALOAD, Opcodes.AALOAD -> '?';
            default -> 'I';
        };
    }

    private static boolean negationOf(List<AbstractInsnNode> negated, List<AbstractInsnNode> e, int neg) {
        return negated.size() == e.size() + 1 && negated.get(negated.size() - 1).getOpcode() == neg
                && same(negated.subList(0, e.size()), e);
    }

    private static List<AbstractInsnNode> concat(List<AbstractInsnNode> a, List<AbstractInsnNode> b) {
        List<AbstractInsnNode> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static boolean endsWith(List<AbstractInsnNode> ops, List<AbstractInsnNode> e) {
        return ops.size() >= e.size() && same(ops.subList(ops.size() - e.size(), ops.size()), e);
    }

    private static boolean same(List<AbstractInsnNode> a, List<AbstractInsnNode> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(AbstractInsnNode a, AbstractInsnNode b) {
        if (a.getOpcode() != b.getOpcode()) {
            return false;
        }
        if (a instanceof VarInsnNode va) {
            return va.var == ((VarInsnNode) b).var;
        }
        if (a instanceof IntInsnNode ia) {
            return ia.operand == ((IntInsnNode) b).operand;
        }
        if (a instanceof LdcInsnNode la) {
            return la.cst.equals(((LdcInsnNode) b).cst);
        }
        if (a instanceof MethodInsnNode ma) {
            MethodInsnNode mb = (MethodInsnNode) b;
            return ma.owner.equals(mb.owner) && ma.name.equals(mb.name) && ma.desc.equals(mb.desc);
        }
        return a instanceof InsnNode;
    }
}
