package dev.selftune.generate.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;
import dev.selftune.generate.CountedLoops;
import dev.selftune.generate.Transform;
import dev.selftune.generate.TransformContext;

/**
 * Replaces an integer constant that acts as a threshold, cut-off, step or block size with another
 * positive value; every occurrence of that value in the method changes together.
 */
public final class TuneConstant implements Transform {
    public static final String NAME = "tune-constant";

    /*
     * The ATLAS/FFTW argument: the best insertion-sort cut-off or block size depends on the cache,
     * the branch predictor and the JIT's code for the small case, none of which the author's
     * constant knew. C2 cannot change such a constant; it only propagates it. Unlike the loop
     * rewrites this one may change behaviour (a step of 2 is not a step of 4): it only proposes,
     * and verification rejects the values that compute something else. A block size usually
     * appears twice (the step "i += 64" and the bound "min(i + 64, n)"), which is why every
     * occurrence of the value changes together. Values below the policy's constantSmallest (3 by
     * default) are left alone: 0, 1 and 2 are almost always structure (base cases, halves), not
     * tuning knobs. Proposals are the policy's scales (percent of the value) and its absolute
     * values, up to constantMax.
     */
    @Override
    public String name() {
        return NAME;
    }

    /** A proposal: verification decides whether it computes the same. */
    @Override
    public boolean exact() {
        return false;
    }

    @Override
    public List<Map<String, Integer>> candidates(ClassNode owner, MethodNode method, TransformContext ctx) {
        List<Integer> scales = ctx.policy().range("tune-constant.scale", List.of(25, 50, 200, 400, 800));
        List<Integer> absolute = ctx.policy().range("tune-constant.absolute", List.of(8, 16, 32, 64));
        int max = ctx.policy().constantMax();
        List<Integer> values = tunable(owner, method, ctx);
        List<Map<String, Integer>> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            int v = values.get(i);
            Set<Integer> proposals = new LinkedHashSet<>();
            for (int s : scales) {
                long nv = (long) v * s / 100;
                if (nv >= 1 && nv <= max) {
                    proposals.add((int) nv);
                }
            }
            for (int a : absolute) {
                if (a >= 1 && a <= max) {
                    proposals.add(a);
                }
            }
            proposals.remove(v);
            for (int nv : proposals) {
                Map<String, Integer> p = new LinkedHashMap<>();
                p.put("index", i);
                p.put("value", nv);
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public Map<String, String> skipped(ClassNode owner, MethodNode method, TransformContext ctx) {
        Map<Integer, String> tied = notKnobs(method, ctx);
        Map<String, String> out = new LinkedHashMap<>();
        int smallest = ctx.policy().constantSmallest();
        List<Integer> shaped = shaped(owner, method, smallest);
        for (int v : shaped) {
            if (tied.containsKey(v)) {
                out.put("constant " + v + " in " + method.name, tied.get(v));
            }
        }
        for (int v : matched(owner, method, smallest, shaped)) {
            out.put("constant " + v + " in " + method.name, "only tested for equality (== / !=): a value the code matches,"
                    + " such as a character or a tag, not a threshold");
        }
        return out;
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode method, TransformContext ctx) {
        if (Reductions.frames(owner, method) == null) {
            return "the method's bytecode does not analyse (ASM's Analyzer failed), so its constants cannot be traced";
        }
        Map<String, String> skipped = skipped(owner, method, ctx);
        if (!skipped.isEmpty()) {
            return "no constant is a knob (each is tied to the data layout, a caller's argument or only tested for equality): " + String.join("; ", skipped.keySet())
                    + " (" + skipped.values().iterator().next() + ")";
        }
        return "no integer constant of at least " + ctx.policy().constantSmallest() + " is compared against in an ordered branch (<, <=, >, >=; directly or through "
                + "one + or -) or used as a loop step; constants in a comparison that guards a throw are contract "
                + "limits, not knobs, and are left alone";
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode method, Map<String, Integer> params, TransformContext ctx) {
        List<Integer> values = tunable(owner, method, ctx);
        int index = params.getOrDefault("index", -1);
        int nv = params.getOrDefault("value", 0);
        if (index < 0 || index >= values.size() || nv < 1 || nv > Short.MAX_VALUE || nv == values.get(index)) {
            return false;
        }
        int v = values.get(index);
        InsnList insns = method.instructions;
        for (AbstractInsnNode n = insns.getFirst(); n != null; ) {
            AbstractInsnNode next = n.getNext();
            Integer c = CountedLoops.intConstant(n);
            if (c != null && c == v) {
                insns.set(n, LoopCode.pushInt(nv));
            } else if (n instanceof IincInsnNode i && i.incr == v) {
                i.incr = nv;
            } else if (n instanceof IincInsnNode i && i.incr == -v) {
                i.incr = -nv;
            }
            n = next;
        }
        return true;
    }

    /**
     * The knobs: constants shaped like one ({@link #shaped}) that are neither tied to the data layout
     * ({@link LayoutConstants}) nor a caller's argument ({@link #foldedArguments}).
     */
    static List<Integer> tunable(ClassNode owner, MethodNode method, TransformContext ctx) {
        Map<Integer, String> tied = notKnobs(method, ctx);
        List<Integer> out = new ArrayList<>(shaped(owner, method, ctx.policy().constantSmallest()));
        out.removeIf(tied::containsKey);
        return out;
    }

    /* Constants that are not knobs, each with the reason: layout constants, then folded arguments. */
    private static Map<Integer, String> notKnobs(MethodNode method, TransformContext ctx) {
        Map<Integer, String> out = new LinkedHashMap<>(foldedArguments(method, ctx));
        out.putAll(LayoutConstants.of(method));
        return out;
    }

    /*
     * The value the caller rows nearly always pass for an int parameter is the one specialise folds into its fast
     * copy, where it becomes a constant like any other. It is the caller's argument, not the author's choice:
     * changing it computes something else (countAbove's folded threshold 500 gave 20 of 58 variants, every one
     * rejected by verification, before this rule). Compared by value, so the rule also holds in the original,
     * where such a constant would be a coincidence.
     */
    public static Map<Integer, String> foldedArguments(MethodNode method, TransformContext ctx) {
        dev.selftune.inputs.UsualValues u = ctx.usualValues();
        Map<Integer, String> out = new LinkedHashMap<>();
        /* the fast copy m$fast$k has m's descriptor, and the rows are m's */
        int fast = method.name.indexOf(dev.selftune.generate.Multiversion.FAST);
        String name = fast > 0 ? method.name.substring(0, fast) : method.name;
        if (!u.describes(name, method.desc)) {
            return out;
        }
        for (int p = 0; p < u.parameters(); p++) {
            if (!u.counted(p)) {
                continue;
            }
            long v = u.mode(p);
            if (v == (int) v && u.share(Map.of(p, v)) >= dev.selftune.inputs.UsualValues.NEARLY_ALWAYS) {
                out.put((int) v, "parameter " + p + " is " + v + " in nearly every caller row: specialise folds it in as a"
                        + " constant, and a caller's argument is not a knob");
            }
        }
        return out;
    }

    /**
     * Distinct constants (at least {@code smallest}) compared against by an ordered if_icmpXX ({@code < <= > >=}),
     * directly or via one add/sub, or used as an iinc step.
     */
    static List<Integer> shaped(ClassNode owner, MethodNode method, int smallest) {
        return compared(owner, method, smallest, false);
    }

    /*
     * Constants a value is tested equal to (text[i] == ' ', tag != 7): a datum the code matches, not a threshold.
     * Changing one only computes something else: countWords' three whitespace characters gave 66 of 72 variants,
     * every one rejected by verification, before equality tests were left out.
     */
    private static List<Integer> matched(ClassNode owner, MethodNode method, int smallest, List<Integer> shaped) {
        List<Integer> out = compared(owner, method, smallest, true);
        out.removeAll(shaped);
        return out;
    }

    private static List<Integer> compared(ClassNode owner, MethodNode method, int smallest, boolean equality) {
        Set<Integer> values = new LinkedHashSet<>();
        Frame<SourceValue>[] frames = Reductions.frames(owner, method);
        if (frames == null) {
            return List.of();
        }
        InsnList insns = method.instructions;
        for (AbstractInsnNode n = insns.getFirst(); n != null; n = n.getNext()) {
            int op = n.getOpcode();
            Frame<SourceValue> f = frames[insns.indexOf(n)];
            if (f != null && n instanceof JumpInsnNode j && op >= (equality ? Opcodes.IF_ICMPEQ : Opcodes.IF_ICMPLT)
                    && op <= (equality ? Opcodes.IF_ICMPNE : Opcodes.IF_ICMPLE) && !guardsThrow(j)) {
                for (int s = 1; s <= 2; s++) {
                    collect(f.getStack(f.getStackSize() - s), frames, insns, values, !equality, smallest);
                }
            } else if (!equality && n instanceof IincInsnNode i && Math.abs(i.incr) >= smallest) {
                values.add(Math.abs(i.incr));
            }
        }
        return new ArrayList<>(values);
    }

    /*
     * "if (bins > MAX_BINS) throw new IllegalArgumentException(...)" compares against a limit of
     * the contract, not a tuning knob: changing it only makes the verifier reject the variant.
     * A comparison one of whose successors reaches athrow within a few straight-line
     * instructions is taken to be such a guard.
     */
    private static boolean guardsThrow(JumpInsnNode j) {
        return throwsSoon(j.getNext()) || throwsSoon(j.label);
    }

    private static boolean throwsSoon(AbstractInsnNode from) {
        int seen = 0;
        for (AbstractInsnNode n = from; n != null && seen < 16; n = n.getNext()) {
            int op = n.getOpcode();
            if (op == Opcodes.ATHROW) {
                return true;
            }
            if (n instanceof JumpInsnNode || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN)
                    || n.getType() == AbstractInsnNode.TABLESWITCH_INSN || n.getType() == AbstractInsnNode.LOOKUPSWITCH_INSN) {
                return false;
            }
            seen += op >= 0 ? 1 : 0;
        }
        return false;
    }

    private static void collect(SourceValue v, Frame<SourceValue>[] frames, InsnList insns, Set<Integer> out, boolean deeper,
                                int smallest) {
        if (v.insns.size() != 1) {
            return;
        }
        AbstractInsnNode src = v.insns.iterator().next();
        Integer c = CountedLoops.intConstant(src);
        if (c != null && c >= smallest) {
            out.add(c);
        } else if (deeper && (src.getOpcode() == Opcodes.IADD || src.getOpcode() == Opcodes.ISUB)) {
            Frame<SourceValue> f = frames[insns.indexOf(src)];
            if (f != null) {
                collect(f.getStack(f.getStackSize() - 1), frames, insns, out, false, smallest);
                collect(f.getStack(f.getStackSize() - 2), frames, insns, out, false, smallest);
            }
        }
    }
}
