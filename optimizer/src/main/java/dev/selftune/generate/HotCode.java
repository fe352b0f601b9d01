package dev.selftune.generate;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Where the unit's time goes, by code region, from one run of the original over the verification rows:
 * which loop nests ran, and how often against the hottest. The generator uses it to put first the
 * candidates that rewrite code that runs, and last those that rewrite only code that never ran (a
 * {@code switch} case no caller takes) or ran rarely (a set-up loop beside an O(n²) nest).
 *
 * <p>How it is counted: a copy of the class, routed and normalised exactly as transforms see it, gets a
 * static {@code long[]} per unit member and an increment at every basic block's first instruction (the
 * method's entry, every jump, switch or handler target, and the fall-through after a conditional jump).
 * The increment leaves the stack as it found it. Counts are keyed by the ordinal of the real
 * instruction (labels, lines and frames not counted) in the normalised method, so the generator maps a
 * candidate's edit back to them when it normalises the same bytes the same way; a mismatch in the
 * instruction sequence makes the counts unusable for that member, never wrong.
 */
public final class HotCode {
    /** Prefix of the counter fields the probe adds: {@code $selftune$heat$<member index>}. */
    public static final String FIELD = "$selftune$heat$";
    /** Candidate tiers, tried in this order. */
    public enum Tier { HOT, LUKEWARM, COLD }

    /* Per unit member: the tokens of the normalised method's real instructions (to map a view onto) and each one's tier; null when unknown. */
    private final String[][] tokens;
    private final Tier[][] tiers;
    /* Per unit member: whether each real instruction lies in a loop nest. */
    private final boolean[][] inLoop;

    private HotCode(String[][] tokens, Tier[][] tiers, boolean[][] inLoop) {
        this.tokens = tokens;
        this.tiers = tiers;
        this.inLoop = inLoop;
    }

    /** The counters the probe needs, per member: for each counter, the ordinal of the first real instruction it counts. */
    record Probe(byte[] classBytes, int[][] leaders, String[][] tokens, List<List<int[]>> nests) { }

    /**
     * The probe class: {@code members.get(mi)} are the unit's members as transforms see them in {@code cn}
     * (already routed and normalised); each gets {@code $selftune$heat$<mi>}, created by the class's static
     * initialiser. Null for an interface, or when the copy cannot be written.
     */
    static Probe probe(byte[] original, ClassNode cn, List<MethodNode> members, Function<String, InputStream> resources) {
        if ((cn.access & Opcodes.ACC_INTERFACE) != 0) {
            return null;
        }
        int[][] leaders = new int[members.size()][];
        String[][] tokens = new String[members.size()][];
        List<List<int[]>> nests = new ArrayList<>();
        Set<String> changed = new LinkedHashSet<>();
        InsnList init = new InsnList();
        for (int mi = 0; mi < members.size(); mi++) {
            MethodNode m = members.get(mi);
            nests.add(List.of());
            if (m == null || m.instructions.size() == 0) {
                continue;
            }
            tokens[mi] = tokens(m);
            nests.set(mi, nests(m));
            leaders[mi] = countBlocks(cn.name, FIELD + mi, m);
            changed.add(m.name + m.desc);
            init.add(new LdcInsnNode(leaders[mi].length));
            init.add(new IntInsnNode(Opcodes.NEWARRAY, Opcodes.T_LONG));
            init.add(new FieldInsnNode(Opcodes.PUTSTATIC, cn.name, FIELD + mi, "[J"));
        }
        if (changed.isEmpty()) {
            return null;
        }
        MethodNode clinit = cn.methods.stream().filter(m -> m.name.equals("<clinit>")).findFirst().orElse(null);
        if (clinit == null) {
            clinit = new MethodNode(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
            clinit.instructions.add(new InsnNode(Opcodes.RETURN));
            cn.methods.add(clinit);
        }
        clinit.instructions.insert(init);
        changed.add("<clinit>()V");
        try {
            byte[] written = ClassBytes.writeChanged(original, cn, changed, resources);
            return new Probe(withFields(written, members.size(), leaders), leaders, tokens, nests);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static byte[] withFields(byte[] bytes, int count, int[][] leaders) {
        ClassReader cr = new ClassReader(bytes);
        ClassWriter cw = new ClassWriter(cr, 0);
        cr.accept(new ClassVisitor(Opcodes.ASM9, cw) {
            @Override
            public void visitEnd() {
                for (int mi = 0; mi < count; mi++) {
                    if (leaders[mi] != null) {
                        cv.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, FIELD + mi, "[J", null, null)
                                .visitEnd();
                    }
                }
                super.visitEnd();
            }
        }, 0);
        return cw.toByteArray();
    }

    /* Inserts a counter ahead of each block's first real instruction; returns, per counter, that instruction's ordinal. */
    private static int[] countBlocks(String owner, String field, MethodNode m) {
        Set<LabelNode> targets = new HashSet<>(LoopBodies.jumpTargets(m));
        if (m.tryCatchBlocks != null) {
            for (TryCatchBlockNode tc : m.tryCatchBlocks) {
                targets.add(tc.handler);
            }
        }
        List<AbstractInsnNode> starts = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        boolean startsBlock = true;   // the method's entry
        int ordinal = 0;
        for (AbstractInsnNode n : m.instructions) {
            if (n instanceof LabelNode l && targets.contains(l)) {
                startsBlock = true;
            }
            if (n.getOpcode() < 0) {
                continue;
            }
            if (startsBlock) {
                starts.add(n);
                ordinals.add(ordinal);
                startsBlock = false;
            }
            startsBlock = n instanceof JumpInsnNode && n.getOpcode() != Opcodes.GOTO && n.getOpcode() != Opcodes.JSR;
            ordinal++;
        }
        for (int k = 0; k < starts.size(); k++) {
            InsnList inc = new InsnList();
            inc.add(new FieldInsnNode(Opcodes.GETSTATIC, owner, field, "[J"));
            inc.add(new LdcInsnNode(k));
            inc.add(new InsnNode(Opcodes.DUP2));
            inc.add(new InsnNode(Opcodes.LALOAD));
            inc.add(new InsnNode(Opcodes.LCONST_1));
            inc.add(new InsnNode(Opcodes.LADD));
            inc.add(new InsnNode(Opcodes.LASTORE));
            m.instructions.insertBefore(starts.get(k), inc);
        }
        return ordinals.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The real instructions as tokens, in order: what a view is aligned on to borrow the counts. */
    static String[] tokens(MethodNode m) {
        return Arrays.stream(m.instructions.toArray()).filter(n -> n.getOpcode() >= 0).map(HotCode::token).toArray(String[]::new);
    }

    /*
     * An instruction without its jump targets (labels differ between reads of the same code) and with routing
     * undone: a call to a routed copy ({@code m$unit$1}, invokespecial) reads as the call to {@code m}.
     */
    private static String token(AbstractInsnNode n) {
        if (n instanceof MethodInsnNode c) {
            int op = n.getOpcode() == Opcodes.INVOKESPECIAL ? Opcodes.INVOKEVIRTUAL : n.getOpcode();
            return op + ":" + c.owner + "." + UnitRouting.originalName(c.name) + c.desc;
        }
        return n instanceof JumpInsnNode ? Integer.toString(n.getOpcode()) : said(n);
    }

    /**
     * The tiers from the probe's counters ({@code counts}: field name to array, as read after the rows): a nest
     * that ran less than {@code lukewarmShare} of the hottest nest's count is lukewarm (the policy's knob).
     * Null when no counter was read.
     */
    static HotCode of(Probe probe, Map<String, long[]> counts, double lukewarmShare) {
        if (probe == null || counts == null) {
            return null;
        }
        int n = probe.leaders().length;
        long[][] perInsn = new long[n][];
        List<List<int[]>> nests = probe.nests();
        long max = 0;
        for (int mi = 0; mi < n; mi++) {
            long[] c = counts.get(FIELD + mi);
            if (c == null || probe.leaders()[mi] == null || c.length != probe.leaders()[mi].length) {
                continue;
            }
            int size = probe.tokens()[mi].length;
            long[] per = new long[size];
            int[] leaders = probe.leaders()[mi];
            for (int k = 0; k < leaders.length; k++) {
                int end = k + 1 < leaders.length ? leaders[k + 1] : size;
                Arrays.fill(per, leaders[k], end, c[k]);
            }
            perInsn[mi] = per;
            for (int[] nest : nests.get(mi)) {
                max = Math.max(max, maxIn(per, nest));
            }
            if (nests.get(mi).isEmpty()) {
                max = Math.max(max, Arrays.stream(per).max().orElse(0));
            }
        }
        Tier[][] tiers = new Tier[n][];
        boolean[][] inLoop = new boolean[n][];
        for (int mi = 0; mi < n; mi++) {
            long[] per = perInsn[mi];
            if (per == null) {
                continue;
            }
            Tier[] t = new Tier[per.length];
            inLoop[mi] = new boolean[per.length];
            for (int i = 0; i < per.length; i++) {
                t[i] = per[i] > 0 ? Tier.HOT : Tier.COLD;   // outside loops: code that ran steers the loops (cut-offs, guards)
            }
            for (int[] nest : nests.get(mi)) {
                long heat = maxIn(per, nest);
                Tier tier = heat == 0 ? Tier.COLD : heat < lukewarmShare * max ? Tier.LUKEWARM : Tier.HOT;
                Arrays.fill(t, nest[0], nest[1] + 1, tier);
                Arrays.fill(inLoop[mi], nest[0], nest[1] + 1, true);
            }
            tiers[mi] = t;
        }
        return new HotCode(probe.tokens(), tiers, inLoop);
    }

    /* Outermost loop nests as [first, last] real-instruction ordinals: a backward jump's span, overlapping spans merged. */
    private static List<int[]> nests(MethodNode m) {
        Map<AbstractInsnNode, Integer> ord = ordinals(m);
        List<int[]> spans = new ArrayList<>();
        for (AbstractInsnNode n : m.instructions) {
            if (n instanceof JumpInsnNode j && ord.containsKey(n)) {
                Integer to = firstRealFrom(j.label, ord);
                if (to != null && to <= ord.get(n)) {
                    spans.add(new int[] {to, ord.get(n)});
                }
            }
        }
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] s : spans) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && s[0] <= last[1]) {
                last[1] = Math.max(last[1], s[1]);
            } else {
                merged.add(s.clone());
            }
        }
        return merged;
    }

    private static Integer firstRealFrom(AbstractInsnNode from, Map<AbstractInsnNode, Integer> ord) {
        for (AbstractInsnNode n = from; n != null; n = n.getNext()) {
            if (ord.containsKey(n)) {
                return ord.get(n);
            }
        }
        return null;
    }

    private static long maxIn(long[] per, int[] span) {
        long m = 0;
        for (int i = span[0]; i <= span[1] && i < per.length; i++) {
            m = Math.max(m, per[i]);
        }
        return m;
    }

    static Map<AbstractInsnNode, Integer> ordinals(MethodNode m) {
        Map<AbstractInsnNode, Integer> out = new IdentityHashMap<>();
        int i = 0;
        for (AbstractInsnNode n : m.instructions) {
            if (n.getOpcode() >= 0) {
                out.put(n, i++);
            }
        }
        return out;
    }

    /** True when some code of the unit is not hot: only then can ordering candidates by heat change anything. */
    boolean anyNotHot() {
        for (Tier[] t : tiers) {
            if (t != null && Arrays.stream(t).anyMatch(x -> x != Tier.HOT)) {
                return true;
            }
        }
        return false;
    }

    /** A member as a candidate meets it: its instructions, what each said, and each one's tier (null: unknown). */
    static final class Before {
        final Map<AbstractInsnNode, Integer> ordinals;
        final Map<AbstractInsnNode, String> said = new IdentityHashMap<>();
        final String[] tokens;
        final Tier[] tiers;
        final boolean[] inLoop;

        private Before(MethodNode m, String[] tokens, Tier[] tiers, boolean[] inLoop) {
            ordinals = ordinals(m);
            for (AbstractInsnNode n : ordinals.keySet()) {
                said.put(n, said(n));
            }
            this.tokens = tokens;
            this.tiers = tiers;
            this.inLoop = inLoop;
        }
    }

    /* Views longer than this (product of both lengths) are not aligned: their tiers are unknown. */
    static final long MAX_ALIGNED_CELLS = 4_000_000L;

    /**
     * Member {@code mi} as a candidate is about to edit it ({@code view}: the original as transforms see it, or an
     * earlier variant's). The view's instructions take the tiers of the original's they align with (longest common
     * subsequence of tokens); an instruction an earlier step inserted takes the hotter tier of its aligned
     * neighbours, so the copies an unroll made of a cold loop are cold, and an accumulator's epilogue after a hot
     * loop is hot.
     */
    Before before(int mi, MethodNode view) {
        String[] mine = tokens(view);
        if (mi >= tiers.length || tiers[mi] == null) {
            return new Before(view, mine, null, null);
        }
        String[] theirs = tokens[mi];
        if (Arrays.equals(mine, theirs)) {
            return new Before(view, mine, tiers[mi], inLoop[mi]);
        }
        if ((long) mine.length * theirs.length > MAX_ALIGNED_CELLS) {
            return new Before(view, mine, null, null);
        }
        int[] match = align(mine, theirs);
        Tier[] t = new Tier[mine.length];
        boolean[] loop = new boolean[mine.length];
        int[] prev = new int[mine.length];
        int[] next = new int[mine.length];
        int last = -1;
        for (int i = 0; i < mine.length; i++) {
            last = match[i] >= 0 ? match[i] : last;
            prev[i] = last;
        }
        last = -1;
        for (int i = mine.length - 1; i >= 0; i--) {
            last = match[i] >= 0 ? match[i] : last;
            next[i] = last;
        }
        for (int i = 0; i < mine.length; i++) {
            if (match[i] >= 0) {
                t[i] = tiers[mi][match[i]];
                loop[i] = inLoop[mi][match[i]];
            } else {
                t[i] = hotter(prev[i] < 0 ? null : tiers[mi][prev[i]], next[i] < 0 ? null : tiers[mi][next[i]]);
                loop[i] = prev[i] >= 0 && inLoop[mi][prev[i]] || next[i] >= 0 && inLoop[mi][next[i]];
            }
        }
        return new Before(view, mine, t, loop);
    }

    private static Tier hotter(Tier a, Tier b) {
        if (a == null || b == null) {
            return a == null && b == null ? Tier.HOT : a == null ? b : a;
        }
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    /* For each token of a, the index in b it is matched with by a longest common subsequence, or -1. */
    static int[] align(String[] a, String[] b) {
        int n = a.length;
        int m = b.length;
        int[][] len = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                len[i][j] = a[i].equals(b[j]) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        int[] match = new int[n];
        Arrays.fill(match, -1);
        for (int i = 0, j = 0; i < n && j < m; ) {
            if (a[i].equals(b[j])) {
                match[i++] = j++;
            } else if (len[i + 1][j] >= len[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return match;
    }

    /**
     * The tier of an edit: the hottest tier among the instructions it removed or changed (those next to what it
     * inserted, if it only inserted), counting only those in loop nests when it touched any; HOT when it cannot
     * tell (no tiers for the view, or the edit touched nothing it can see).
     */
    static Tier tierOf(Before before, MethodNode after) {
        if (before.tiers == null) {
            return Tier.HOT;
        }
        Set<Integer> touched = touched(before, after);
        if (touched.isEmpty()) {
            return Tier.HOT;
        }
        /* an edit of a loop is about that loop: the straight-line code it also moves (the loop variable's first
         * store, a hoisted expression's new home) says nothing about where its gain is */
        Set<Integer> inLoops = new HashSet<>();
        for (int o : touched) {
            if (before.inLoop[o]) {
                inLoops.add(o);
            }
        }
        if (!inLoops.isEmpty()) {
            touched = inLoops;
        }
        Tier best = Tier.COLD;
        for (int o : touched) {
            if (before.tiers[o].ordinal() < best.ordinal()) {
                best = before.tiers[o];
            }
        }
        return best;
    }

    /*
     * Ordinals (in the view before the edit) the edit touched: those it removed or changed; for an edit that only
     * inserts (a guard at the entry), the instructions on either side of what it inserted. Code an edit adds next to
     * the code it changes (the set-up an unroll puts ahead of the loop, after the loop variable's initial store) is
     * the loop's, not its neighbour's. By alignment of tokens where it fits: a transform may rebuild the whole
     * instruction list (loops put in canonical form first) and still change one loop; what it really changed is
     * what no longer aligns. By node identity otherwise.
     */
    private static Set<Integer> touched(Before before, MethodNode after) {
        String[] now = tokens(after);
        Set<Integer> changed = new HashSet<>();
        Set<Integer> beside = new HashSet<>();
        if ((long) now.length * before.tokens.length <= MAX_ALIGNED_CELLS) {
            int[] match = align(now, before.tokens);
            boolean[] kept = new boolean[before.tokens.length];
            for (int m : match) {
                if (m >= 0) {
                    kept[m] = true;
                }
            }
            for (int o = 0; o < kept.length; o++) {
                if (!kept[o]) {
                    changed.add(o);
                }
            }
            besideInsertions(match, beside);
        } else {
            Set<AbstractInsnNode> present = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            after.instructions.forEach(present::add);
            for (Map.Entry<AbstractInsnNode, Integer> e : before.ordinals.entrySet()) {
                if (!present.contains(e.getKey()) || !said(e.getKey()).equals(before.said.get(e.getKey()))) {
                    changed.add(e.getValue());
                }
            }
            List<Integer> order = new ArrayList<>();
            for (AbstractInsnNode n : after.instructions) {
                if (n.getOpcode() >= 0) {
                    order.add(before.ordinals.getOrDefault(n, -1));
                }
            }
            besideInsertions(order.stream().mapToInt(Integer::intValue).toArray(), beside);
        }
        return changed.isEmpty() ? beside : changed;
    }

    /* order: for each real instruction after the edit, its ordinal before, or -1 when inserted. */
    private static void besideInsertions(int[] order, Set<Integer> out) {
        int last = -1;
        boolean inserted = false;
        for (int o : order) {
            if (o >= 0) {
                if (inserted) {
                    out.add(o);
                    inserted = false;
                }
                last = o;
            } else {
                inserted = true;
                if (last >= 0) {
                    out.add(last);
                }
            }
        }
    }

    /* What an instruction says beyond its opcode, for the edits that change an operand in place. */
    private static String said(AbstractInsnNode n) {
        String op = n.getOpcode() + ":";
        if (n instanceof IntInsnNode i) {
            return op + i.operand;
        } else if (n instanceof LdcInsnNode l) {
            return op + l.cst;
        } else if (n instanceof VarInsnNode v) {
            return op + v.var;
        } else if (n instanceof IincInsnNode i) {
            return op + i.var + "+" + i.incr;
        } else if (n instanceof FieldInsnNode f) {
            return op + f.owner + "." + f.name + f.desc;
        } else if (n instanceof MethodInsnNode c) {
            return op + c.owner + "." + c.name + c.desc;
        } else if (n instanceof TypeInsnNode t) {
            return op + t.desc;
        } else if (n instanceof JumpInsnNode j) {
            return op + System.identityHashCode(j.label);
        }
        return op;
    }
}
