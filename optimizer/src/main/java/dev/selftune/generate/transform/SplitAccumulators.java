package dev.selftune.generate.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import dev.selftune.generate.CountedLoop;
import dev.selftune.generate.CountedLoops;
import dev.selftune.generate.LocalNames;
import dev.selftune.generate.LoopRotation;
import dev.selftune.generate.Transform;
import dev.selftune.generate.TransformContext;
import dev.selftune.generate.transform.Reductions.Reduction;

/**
 * Splits a loop-carried reduction into {@code k} partial accumulators over a {@code k}-fold unrolled
 * loop ({@code horner=1}: unrolls a polynomial hash {@code h = C*h + e} with precomputed powers of C).
 */
public final class SplitAccumulators implements Transform {
    public static final String NAME = "split-accumulators";

    /*
     * Why this can beat C2: a reduction is a dependency chain, one add (4 cycles for doubles, 3-5
     * for imul) per element however far the loop is unrolled. C2 keeps FP reductions in source
     * order (JLS 15.18.2 forbids reassociation), so double sums and dot products stay latency-bound;
     * k accumulators give k independent chains. Exact only for int/long (arithmetic mod 2^n is a
     * commutative ring), and for Math.min/max of any type (a selection, so grouping cannot change
     * the bits); float/double sums need ctx.fpReassociationAllowed(). C2 may already vectorise
     * simple int sums (superword), so the int case is for reductions it does not vectorise.
     * Horner: h = 31*h + e is a mul+add chain (~4 cycles/element); h' = C^k*h + sum C^(k-1-j) e_j
     * leaves one add per element on the chain. JDK 21 did this for String.hashCode (JDK-8282664).
     *
     * Shape: head: init acc_1..acc_{k-1} to OP's identity
     *        top:  if !(i < limit) goto comb  [limit as in unroll]; body[acc_0]; iinc; ... body[acc_{k-1}]; iinc; goto top
     *        comb: acc = acc_0 OP ... OP acc_{k-1}
     *        rem:  original loop on acc
     * Refused: loops inside try ranges (a handler could read a partial accumulator), loops with
     * breaks or returns (they would skip the combine).
     */
    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Map<String, Integer>> candidates(ClassNode owner, MethodNode original, TransformContext ctx) {
        MethodNode method = LoopRotation.canonical(original);
        List<Integer> ks = ctx.policy().range("split-accumulators.k", List.of(2, 4, 8));
        List<Map<String, Integer>> out = new ArrayList<>();
        for (CountedLoop loop : Unroll.innermostFirst(CountedLoops.find(method))) {
            if (!eligible(loop)) {
                continue;
            }
            for (Reduction r : Reductions.find(owner, method, loop, ctx.fpReassociationAllowed())) {
                for (int k : ks) {
                    if (k >= 2 && k <= ctx.policy().maxSplitAccumulators()
                            && LoopCode.bodySize(loop) * k <= ctx.policy().maxCopiedInsns()) {
                        Map<String, Integer> p = new LinkedHashMap<>();
                        p.put("loop", loop.index());
                        p.put("local", r.local());
                        p.put("k", k);
                        p.put("horner", r.horner() ? 1 : 0);
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode original, TransformContext ctx) {
        List<Integer> ks = ctx.policy().range("split-accumulators.k", List.of(2, 4, 8));
        String tooBig = Unroll.whyNoLoopFits(original, ks, "split-accumulators.k", "to split a reduction of",
                ctx.policy().maxSplitAccumulators(), ctx.policy().maxCopiedInsns());
        MethodNode method = LoopRotation.canonical(original);
        List<CountedLoop> loops = CountedLoops.find(method);
        if (loops.isEmpty() || tooBig != null && tooBig.startsWith("the policy")) {
            return tooBig;
        }
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (CountedLoop loop : Unroll.innermostFirst(loops)) {
            String why;
            if (loop.coveredByTry()) {
                why = "it lies inside a try block (a handler could read a partial accumulator)";
            } else if (loop.hasJumpsOut()) {
                why = "it breaks out early (the partial accumulators would never be combined)";
            } else if (loop.hasReturns()) {
                why = "it returns from inside (the partial accumulators would never be combined)";
            } else if (Reductions.find(owner, method, loop, ctx.fpReassociationAllowed()).isEmpty()) {
                why = noReduction(owner, method, loop, ctx);
            } else {
                continue;
            }
            byReason.computeIfAbsent(why, k -> new ArrayList<>()).add(loop.index() + " over local " + loop.inductionVar());
        }
        List<String> why = new ArrayList<>();
        byReason.forEach((reason, at) -> why.add((at.size() == 1 ? "loop " : "loops ") + String.join(", ", at) + ": " + reason));
        if (tooBig != null) {
            why.add(tooBig);
        }
        return why.isEmpty() ? Transform.super.whyNotApplied(owner, original, ctx) : LocalNames.in(original, String.join("; ", why));
    }

    private static String noReduction(ClassNode owner, MethodNode method, CountedLoop loop, TransformContext ctx) {
        if (!ctx.fpReassociationAllowed()) {
            for (Reduction r : Reductions.find(owner, method, loop, true)) {
                return "it sums " + (r.sort() == 'F' ? "floats" : "doubles") + " into local " + r.local()
                        + ", and reordering a floating-point sum changes its rounding: pass --allow-fp-reassociation "
                        + "<relative tolerance> to allow it";
            }
        }
        return "no reduction acc = acc OP e with an exact OP (int/long + - * & | ^, Math.min/max, or a Horner step "
                + "h = C*h + e) whose accumulator is read and written once per iteration";
    }

    private static boolean eligible(CountedLoop loop) {
        return !loop.coveredByTry() && !loop.hasJumpsOut() && !loop.hasReturns();
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode original, Map<String, Integer> params, TransformContext ctx) {
        MethodNode method = LoopRotation.canonical(original);
        List<CountedLoop> loops = CountedLoops.find(method);
        int index = params.getOrDefault("loop", -1);
        int k = params.getOrDefault("k", 0);
        boolean horner = params.getOrDefault("horner", 0) == 1;
        if (index < 0 || index >= loops.size() || k < 2 || k > ctx.policy().maxSplitAccumulators() || !eligible(loops.get(index))) {
            return false;
        }
        CountedLoop loop = loops.get(index);
        for (Reduction r : Reductions.find(owner, method, loop, ctx.fpReassociationAllowed())) {
            if (r.local() == params.getOrDefault("local", -1) && r.horner() == horner) {
                LabelNode rem = new LabelNode();
                InsnList code = horner ? horner(method, loop, r, k, rem) : split(method, loop, r, k);
                code.add(rem);
                method.instructions.insert(loop.head(), code);
                loop.backEdge().label = rem;
                method.maxStack = Math.max(method.maxStack, 6);
                LoopRotation.adopt(original, method);
                return true;
            }
        }
        return false;
    }

    private static InsnList split(MethodNode method, CountedLoop loop, Reduction r, int k) {
        int sortIndex = "IJFD".indexOf(r.sort());
        int size = r.sort() == 'J' || r.sort() == 'D' ? 2 : 1;
        int[] part = new int[k];
        part[0] = r.local();
        for (int j = 1; j < k; j++) {
            part[j] = method.maxLocals + (j - 1) * size;
        }
        method.maxLocals += (k - 1) * size;
        InsnList code = new InsnList();
        for (int j = 1; j < k; j++) {
            code.add(LoopCode.push(r.sort(), identity(r)));
            code.add(new VarInsnNode(Opcodes.ISTORE + sortIndex, part[j]));
        }
        LabelNode top = new LabelNode();
        LabelNode comb = new LabelNode();
        code.add(LoopCode.mainLoopEntry(method, loop, k - 1, top, comb));
        for (int j = 0; j < k; j++) {
            Map<AbstractInsnNode, AbstractInsnNode> twins = new HashMap<>();
            InsnList body = LoopCode.copy(loop.bodyFirst(), loop.increment(), twins);
            if (j > 0) {
                if (r.load() != null) {
                    ((VarInsnNode) twins.get(r.load())).var = part[j];
                }
                AbstractInsnNode store = twins.get(r.store());
                if (store instanceof IincInsnNode i) {
                    i.var = part[j];
                } else {
                    ((VarInsnNode) store).var = part[j];
                }
            }
            code.add(body);
        }
        code.add(new JumpInsnNode(Opcodes.GOTO, top));
        code.add(comb);
        int combine = r.op() == Opcodes.ISUB ? Opcodes.IADD : r.op() == Opcodes.LSUB ? Opcodes.LADD : r.op();
        code.add(new VarInsnNode(Opcodes.ILOAD + sortIndex, part[0]));
        for (int j = 1; j < k; j++) {
            code.add(new VarInsnNode(Opcodes.ILOAD + sortIndex, part[j]));
            code.add(combine == Opcodes.INVOKESTATIC ? r.opInsn().clone(Map.of()) : new InsnNode(combine));
        }
        code.add(new VarInsnNode(Opcodes.ISTORE + sortIndex, part[0]));
        return code;
    }

    /* The value e with e OP x == x for every x; for float/double addition that is -0.0, not +0.0. */
    private static long identity(Reduction r) {
        if (r.op() == Opcodes.INVOKESTATIC) {
            boolean max = ((MethodInsnNode) r.opInsn()).name.equals("max");
            return switch (r.sort()) {
                case 'I' -> max ? Integer.MIN_VALUE : Integer.MAX_VALUE;
                case 'J' -> max ? Long.MIN_VALUE : Long.MAX_VALUE;
                case 'F' -> Float.floatToRawIntBits(max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY);
                default -> Double.doubleToRawLongBits(max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            };
        }
        return switch (r.op()) {
            case Opcodes.IMUL, Opcodes.LMUL -> 1;
            case Opcodes.IAND, Opcodes.LAND -> -1;
            case Opcodes.FADD -> Float.floatToRawIntBits(-0.0f);
            case Opcodes.DADD -> Double.doubleToRawLongBits(-0.0);
            default -> 0;
        };
    }

    private static InsnList horner(MethodNode method, CountedLoop loop, Reduction r, int k, LabelNode rem) {
        boolean isLong = r.sort() == 'J';
        int load = isLong ? Opcodes.LLOAD : Opcodes.ILOAD;
        int mul = isLong ? Opcodes.LMUL : Opcodes.IMUL;
        long[] power = new long[k + 1];
        power[0] = 1;
        for (int p = 1; p <= k; p++) {
            power[p] = isLong ? power[p - 1] * r.multiplier() : (int) power[p - 1] * (int) r.multiplier();
        }
        InsnList code = new InsnList();
        LabelNode top = new LabelNode();
        code.add(LoopCode.mainLoopEntry(method, loop, k - 1, top, rem));
        code.add(new VarInsnNode(load, r.local()));
        code.add(LoopCode.push(r.sort(), power[k]));
        code.add(new InsnNode(mul));
        code.add(new VarInsnNode(isLong ? Opcodes.LSTORE : Opcodes.ISTORE, r.local()));
        for (int j = 0; j < k; j++) {
            Map<AbstractInsnNode, AbstractInsnNode> twins = new HashMap<>();
            InsnList body = LoopCode.copy(loop.bodyFirst(), loop.increment(), twins);
            body.remove(twins.get(r.constant()));
            body.remove(twins.get(r.load()));
            body.remove(twins.get(r.mul()));
            InsnList before = new InsnList();
            if (power[k - 1 - j] != 1) {
                before.add(LoopCode.push(r.sort(), power[k - 1 - j]));
                before.add(new InsnNode(mul));
            }
            before.add(new VarInsnNode(load, r.local()));
            body.insertBefore(twins.get(r.opInsn()), before);
            code.add(body);
        }
        code.add(new JumpInsnNode(Opcodes.GOTO, top));
        return code;
    }
}
