package dev.selftune.generate.transform;

import dev.selftune.generate.CountedLoops;
import dev.selftune.generate.LocalNames;
import dev.selftune.generate.LoopNestLoop;
import dev.selftune.generate.Transform;
import dev.selftune.generate.TransformContext;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Gives a {@code while} loop that is not in javac's counted shape a counted loop in front of it: a
 * loop whose tests all compare int locals stepped by a constant once per trip against bounds it does
 * not change, as in {@code while (k < hLen && j >= 0) yn += x[j--] * h[k++]} (a convolution) or
 * {@code while (i < n) s += a[i++]}. Its trip count is computed once on entry, the body runs that many
 * times under a fresh counter {@code for (t = 0; t < trips; t++)}, and the original loop follows,
 * testing once and leaving. The counted loop is what {@code unroll}, {@code split-accumulators} and
 * C2's own range-check elimination and unrolling recognise; alone it is rarely faster, so its
 * compositions are where it pays. Parameter {@code loop}: which such loop (in the order of their heads).
 *
 * <p>Exact: the original's tests read only locals, constants and the length of an array local, none
 * of which the body writes, and each tested local changes by exactly one {@code iinc} of a constant
 * per trip that moves it towards its bound (the body is straight-line code: no branch, switch, return
 * or throw, so the iinc runs on every trip). So the tests hold on exactly the first
 * {@code trips = min over tests of ⌊(bound' - v) / step⌋ + 1} trips (in long arithmetic, 0 when
 * negative, clamped to {@code Integer.MAX_VALUE}; the original loop takes over after that), and the
 * counted loop runs the same body on the same trips. A bound's array length is read only when the
 * tests before it hold on entry, as the original reads it on its first trip (a null array throws the
 * same NullPointerException at the same point). A loop covered by a try block is left: a handler
 * could read the locals in the middle of a trip.
 */
public final class TripCount implements Transform {
    public static final String NAME = "trip-count";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * One test of the loop's head: continue while {@code v REL bound}; {@code rel} is the continue relation
     * (IF_ICMPLT..LE); {@code boundStep} is 0 for a bound the body leaves alone, else the constant step of a
     * bound local that moves towards v ({@code for (i = a, j = b - 1; i < j; i++, j--)}).
     */
    record Test(int iv, int rel, List<AbstractInsnNode> bound, int step, int boundStep) { }

    /** A loop this transform rewrites: its head label, its tests, the body (first..last inclusive) and its back edge. */
    record Site(LabelNode head, List<Test> tests, AbstractInsnNode bodyFirst, AbstractInsnNode bodyLast, JumpInsnNode back) { }

    @Override
    public List<Map<String, Integer>> candidates(ClassNode owner, MethodNode method, TransformContext ctx) {
        return Transform.indexed("loop", sites(method).size());
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode method, Map<String, Integer> params, TransformContext ctx) {
        List<Site> sites = sites(method);
        int index = params.getOrDefault("loop", -1);
        if (index < 0 || index >= sites.size()) {
            return false;
        }
        rewrite(method, sites.get(index));
        return true;
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode method, TransformContext ctx) {
        List<String> why = new ArrayList<>();
        for (JumpInsnNode back : backEdges(method)) {
            String w = refusal(method, back);
            if (w != null) {
                why.add(w);
            }
        }
        if (why.isEmpty()) {
            return "no while loop outside javac's counted for-shape in " + method.name
                    + " (a for (i = a; i < n; i++) loop is taken by the loop rules as it is)";
        }
        return LocalNames.in(method, method.name + ": " + String.join("; ", why));
    }

    static List<Site> sites(MethodNode m) {
        List<Site> out = new ArrayList<>();
        for (JumpInsnNode back : backEdges(m)) {
            Site s = match(m, back);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /* Every goto that jumps backwards: the back edge of a top-tested loop, in the order of the method. */
    private static List<JumpInsnNode> backEdges(MethodNode m) {
        List<JumpInsnNode> out = new ArrayList<>();
        for (AbstractInsnNode n : m.instructions) {
            if (n instanceof JumpInsnNode back && n.getOpcode() == Opcodes.GOTO
                    && m.instructions.indexOf(back.label) < m.instructions.indexOf(back)) {
                out.add(back);
            }
        }
        return out;
    }

    private static Site match(MethodNode m, JumpInsnNode back) {
        Object r = analyse(m, back);
        return r instanceof Site s ? s : null;
    }

    /* Why the loop closed by back is not a site, or null when it is one (or already counted: then nothing is said). */
    private static String refusal(MethodNode m, JumpInsnNode back) {
        Object r = analyse(m, back);
        return r instanceof String s && !s.isEmpty() ? s : null;
    }

    /* A Site, or the reason in words ("" when the loop is javac's counted shape, which other transforms take as it is). */
    private static Object analyse(MethodNode m, JumpInsnNode back) {
        InsnList insns = m.instructions;
        LabelNode head = back.label;
        int headAt = insns.indexOf(head);
        int backAt = insns.indexOf(back);
        String loop = "loop at instruction " + headAt;
        List<Test> tests = new ArrayList<>();
        List<Integer> testIvs = new ArrayList<>();
        LabelNode exit = null;
        AbstractInsnNode n = next(head);
        while (true) {
            List<AbstractInsnNode> operands = new ArrayList<>();
            AbstractInsnNode k = n;
            while (k != null && !(k instanceof JumpInsnNode) && operands.size() < 4 && pushesOne(k)) {
                operands.add(k);
                k = next(k);
            }
            if (!(k instanceof JumpInsnNode j) || j.getOpcode() == Opcodes.GOTO || operands.isEmpty()
                    || !(operands.get(0) instanceof VarInsnNode v) || v.getOpcode() != Opcodes.ILOAD) {
                break;
            }
            int rel = continueRelation(j.getOpcode());
            List<AbstractInsnNode> bound = operands.subList(1, operands.size());
            boolean zero = j.getOpcode() >= Opcodes.IFEQ && j.getOpcode() <= Opcodes.IFLE;
            if (rel == 0 || zero != bound.isEmpty() || !isBound(bound) || insns.indexOf(j.label) <= backAt
                    || exit != null && j.label != exit) {
                break;
            }
            exit = j.label;
            tests.add(new Test(v.var, rel, List.copyOf(bound), 0, 0));
            testIvs.add(v.var);
            n = next(j);
        }
        if (tests.isEmpty()) {
            return loop + ": its head is not a test of an int local against a local, a constant or an array's length";
        }
        AbstractInsnNode bodyFirst = n;
        AbstractInsnNode bodyLast = back.getPrevious();
        while (bodyLast != null && bodyLast.getOpcode() < 0 && bodyLast != bodyFirst) {
            bodyLast = bodyLast.getPrevious();
        }
        if (bodyFirst == back || bodyLast == null || insns.indexOf(bodyLast) < insns.indexOf(bodyFirst)) {
            return loop + ": an empty body";
        }
        Map<Integer, Integer> steps = new HashMap<>();
        Set<Integer> written = new HashSet<>();
        Set<LabelNode> bodyLabels = new HashSet<>();
        IincInsnNode lastIinc = null;
        for (AbstractInsnNode b = bodyFirst; b != back; b = b.getNext()) {
            int op = b.getOpcode();
            if (b instanceof LabelNode l) {
                bodyLabels.add(l);
            }
            if (b instanceof JumpInsnNode || b.getType() == AbstractInsnNode.TABLESWITCH_INSN
                    || b.getType() == AbstractInsnNode.LOOKUPSWITCH_INSN || op == Opcodes.ATHROW
                    || op >= Opcodes.IRETURN && op <= Opcodes.RETURN || op == Opcodes.RET
                    || op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT) {
                return loop + ": its body branches, returns or throws (only straight-line bodies are counted)";
            }
            if (b instanceof IincInsnNode inc) {
                written.add(inc.var);
                Integer before = steps.put(inc.var, inc.incr);
                if (before != null) {
                    steps.put(inc.var, 0);   // stepped twice: not one constant step
                }
                lastIinc = inc;
            } else if (b instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE) {
                written.add(v.var);
                steps.put(v.var, 0);
            }
        }
        if (tests.size() == 1 && lastIinc != null && lastIinc.var == tests.get(0).iv() && next(lastIinc) == back
                && tests.get(0).bound().stream().noneMatch(b -> b instanceof VarInsnNode v && written.contains(v.var))) {
            return "";   // javac's counted for-loop: the loop transforms take it as it is
        }
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            int s = insns.indexOf(t.start);
            int e = insns.indexOf(t.end);
            if (s < backAt && e > headAt || bodyLabels.contains(t.handler)) {
                return loop + ": a try block covers it (a handler could see the locals mid-trip)";
            }
        }
        for (AbstractInsnNode x : insns) {
            if (x == back) {
                continue;
            }
            for (LabelNode l : CountedLoops.targets(x)) {
                if (bodyLabels.contains(l) || between(insns, l, headAt, insns.indexOf(bodyFirst))) {
                    return loop + ": code jumps into its tests or body";
                }
            }
        }
        List<Test> stepped = new ArrayList<>();
        for (Test t : tests) {
            int step = steps.getOrDefault(t.iv(), 0);
            if (step == 0) {
                return LocalNames.in(m, loop + ": local " + t.iv() + " is tested but not stepped by one constant iinc per trip");
            }
            boolean upward = t.rel() == Opcodes.IF_ICMPLT || t.rel() == Opcodes.IF_ICMPLE;
            if (upward != step > 0) {
                return LocalNames.in(m, loop + ": local " + t.iv() + " moves away from its bound");
            }
            int boundStep = 0;
            for (AbstractInsnNode b : t.bound()) {
                if (b instanceof VarInsnNode v && written.contains(v.var)) {
                    /* two indices closing in on each other, each by one constant iinc a trip: the gap shrinks by both steps */
                    int w = steps.getOrDefault(v.var, 0);
                    if (t.bound().size() != 1 || w == 0 || (w > 0) == upward || v.var == t.iv()) {
                        return LocalNames.in(m, loop + ": the bound local " + v.var + " of local " + t.iv()
                                + " changes in the loop other than by one constant step towards it");
                    }
                    boundStep = w;
                }
            }
            stepped.add(new Test(t.iv(), t.rel(), t.bound(), step, boundStep));
        }
        return new Site(head, stepped, bodyFirst, bodyLast, back);
    }

    private static boolean between(InsnList insns, LabelNode l, int fromExclusive, int toExclusive) {
        int at = insns.indexOf(l);
        return at > fromExclusive && at < toExclusive;
    }

    /* Loads and constants a test may compare: one stack value each (an array length counts its aload). */
    private static boolean pushesOne(AbstractInsnNode n) {
        int op = n.getOpcode();
        return op == Opcodes.ILOAD || op == Opcodes.ALOAD || op == Opcodes.ARRAYLENGTH || op == Opcodes.BIPUSH
                || op == Opcodes.SIPUSH || op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5
                || n instanceof LdcInsnNode c && c.cst instanceof Integer;
    }

    /* A local, an int constant or "aload a; arraylength". */
    private static boolean isBound(List<AbstractInsnNode> b) {
        if (b.isEmpty()) {
            return true;
        }
        if (b.size() == 1) {
            int op = b.get(0).getOpcode();
            return op == Opcodes.ILOAD || op != Opcodes.ALOAD && op != Opcodes.ARRAYLENGTH;
        }
        return b.size() == 2 && b.get(0).getOpcode() == Opcodes.ALOAD && b.get(1).getOpcode() == Opcodes.ARRAYLENGTH;
    }

    /* The relation under which the loop goes on, for the jump that leaves it: IF_ICMPLT..IF_ICMPLE, or 0. */
    private static int continueRelation(int exitJump) {
        return switch (exitJump) {
            case Opcodes.IF_ICMPGE, Opcodes.IFGE -> Opcodes.IF_ICMPLT;
            case Opcodes.IF_ICMPGT, Opcodes.IFGT -> Opcodes.IF_ICMPLE;
            case Opcodes.IF_ICMPLE, Opcodes.IFLE -> Opcodes.IF_ICMPGT;
            case Opcodes.IF_ICMPLT, Opcodes.IFLT -> Opcodes.IF_ICMPGE;
            default -> 0;
        };
    }

    private static AbstractInsnNode next(AbstractInsnNode n) {
        return LoopNestLoop.realNext(n);
    }

    /*
     * After the head label:
     *     trips = T(test 1); if (trips > 0) { trips = min(trips, T(test 2)); if (trips > 0) ... }   [long]
     *     n = (int) min(trips, MAX_VALUE); t = 0
     * top: if (t >= n) goto rem; body; t++; goto top
     * rem: the original tests; body; goto rem
     * with T(v < B, step c > 0) = B - 1 - v < 0 ? 0 : (B - 1 - v) / c + 1 (<=: B - v), and downward alike;
     * when B is a local stepped by d towards v, the gap closes by |c| + |d| a trip and that is the divisor
     * (trip k runs iff v + k*c < B + k*d, i.e. k*(|c| + |d|) <= B - 1 - v; both stay between their
     * starting values, so neither overflows).
     */
    private static void rewrite(MethodNode m, Site s) {
        int tripsLocal = m.maxLocals;
        int oneLocal = m.maxLocals + 2;
        int n = m.maxLocals + 4;
        int t = m.maxLocals + 5;
        m.maxLocals += 6;
        InsnList g = new InsnList();
        LabelNode skip = new LabelNode();
        for (int i = 0; i < s.tests().size(); i++) {
            if (i > 0) {
                g.add(new VarInsnNode(Opcodes.LLOAD, tripsLocal));
                g.add(new InsnNode(Opcodes.LCONST_0));
                g.add(new InsnNode(Opcodes.LCMP));
                g.add(new JumpInsnNode(Opcodes.IFLE, skip));
            }
            trips(g, s.tests().get(i), i == 0 ? tripsLocal : oneLocal);
            if (i > 0) {
                g.add(new VarInsnNode(Opcodes.LLOAD, tripsLocal));
                g.add(new VarInsnNode(Opcodes.LLOAD, oneLocal));
                g.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Math", "min", "(JJ)J", false));
                g.add(new VarInsnNode(Opcodes.LSTORE, tripsLocal));
            }
        }
        g.add(skip);
        g.add(new VarInsnNode(Opcodes.LLOAD, tripsLocal));
        g.add(new LdcInsnNode((long) Integer.MAX_VALUE));
        g.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Math", "min", "(JJ)J", false));
        g.add(new InsnNode(Opcodes.L2I));
        g.add(new VarInsnNode(Opcodes.ISTORE, n));
        g.add(new InsnNode(Opcodes.ICONST_0));
        g.add(new VarInsnNode(Opcodes.ISTORE, t));
        LabelNode top = new LabelNode();
        LabelNode rem = new LabelNode();
        g.add(top);
        g.add(new VarInsnNode(Opcodes.ILOAD, t));
        g.add(new VarInsnNode(Opcodes.ILOAD, n));
        g.add(new JumpInsnNode(Opcodes.IF_ICMPGE, rem));
        g.add(LoopCode.copy(s.bodyFirst(), s.bodyLast(), new HashMap<>()));
        g.add(new IincInsnNode(t, 1));
        g.add(new JumpInsnNode(Opcodes.GOTO, top));
        g.add(rem);
        m.instructions.insert(s.head(), g);
        s.back().label = rem;
        m.maxStack = Math.max(m.maxStack, 6);
    }

    /* into = T(test) as a long: the trips on which "iv REL bound" still holds, stepping by the test's step. */
    private static void trips(InsnList g, Test test, int into) {
        boolean upward = test.step() > 0;
        long adjust = switch (test.rel()) {
            case Opcodes.IF_ICMPLT -> -1;   // v < B: v <= B - 1
            case Opcodes.IF_ICMPGT -> 1;    // v > B: v >= B + 1
            default -> 0;
        };
        if (!upward) {
            g.add(new VarInsnNode(Opcodes.ILOAD, test.iv()));
            g.add(new InsnNode(Opcodes.I2L));
        }
        if (test.bound().isEmpty()) {
            g.add(new InsnNode(Opcodes.LCONST_0));
        } else {
            for (AbstractInsnNode b : test.bound()) {
                g.add(b.clone(Map.of()));
            }
            g.add(new InsnNode(Opcodes.I2L));
        }
        if (adjust != 0) {
            g.add(new LdcInsnNode(adjust));
            g.add(new InsnNode(Opcodes.LADD));
        }
        if (upward) {
            g.add(new VarInsnNode(Opcodes.ILOAD, test.iv()));
            g.add(new InsnNode(Opcodes.I2L));
        }
        g.add(new InsnNode(Opcodes.LSUB));
        g.add(new VarInsnNode(Opcodes.LSTORE, into));
        LabelNode done = new LabelNode();
        LabelNode some = new LabelNode();
        g.add(new VarInsnNode(Opcodes.LLOAD, into));
        g.add(new InsnNode(Opcodes.LCONST_0));
        g.add(new InsnNode(Opcodes.LCMP));
        g.add(new JumpInsnNode(Opcodes.IFGE, some));
        g.add(new InsnNode(Opcodes.LCONST_0));
        g.add(new VarInsnNode(Opcodes.LSTORE, into));
        g.add(new JumpInsnNode(Opcodes.GOTO, done));
        g.add(some);
        g.add(new VarInsnNode(Opcodes.LLOAD, into));
        g.add(new LdcInsnNode((long) Math.abs(test.step()) + Math.abs(test.boundStep())));
        g.add(new InsnNode(Opcodes.LDIV));
        g.add(new InsnNode(Opcodes.LCONST_1));
        g.add(new InsnNode(Opcodes.LADD));
        g.add(new VarInsnNode(Opcodes.LSTORE, into));
        g.add(done);
    }
}
