package dev.selftune.generate.transform;

import dev.selftune.generate.CountedLoop;
import dev.selftune.generate.CountedLoops;
import dev.selftune.generate.LocalNames;
import dev.selftune.generate.LoopRotation;
import dev.selftune.generate.Transform;
import dev.selftune.generate.TransformContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Privatised scatter updates: a loop doing {@code t[key] += e} on an {@code int[]}, {@code long[]},
 * {@code short[]}, {@code char[]} or {@code byte[]} (a histogram's {@code counts[key]++}) is unrolled by {@code k}, copy r updating its own private
 * table of t's length (copy 0 updates t itself), and the private tables are added into t when the
 * loop ends. Parameters: {@code loop} (as {@code CountedLoops} numbers them) and {@code k}.
 */
public final class PrivatiseScatter implements Transform {
    public static final String NAME = "privatise-scatter";
    static final String RANGE = "privatise-scatter.k";

    /*
     * Why: consecutive updates of one bin (skewed keys, few bins) form a chain through memory: the
     * load of counts[b] waits for the store of the previous counts[b]++ (store-to-load forwarding,
     * ~4-5 cycles each). With k tables, updates in consecutive iterations go to different arrays
     * and the chains interleave. On uniform keys over many bins there is no chain to break and the
     * merge is pure cost: whether it pays is for JMH to say, per input.
     *
     * Exactness: int and long addition wrap mod 2^32 / 2^64, a commutative group (narrower tables
     * wrap mod 2^16 or 2^8, see ScatterUpdate), so t + P1 + ... +
     * P(k-1) after the loop holds exactly the sums the original leaves, whatever the order. The rule
     * ScatterUpdate checks is what makes the split invisible inside the loop: nothing but the update
     * itself reads or writes the table, and no other name can reach it (a fresh array, or an
     * identity check on entry against every other array of its type the loop touches).
     *
     * Exceptions (a key out of range, a null row, a division by zero in the key): the private tables
     * have t's length, so an index throws in a private copy exactly when it throws in t, at the
     * same iteration and before that iteration's update. The fast loop runs inside a catch-all
     * handler that merges the private tables into t and rethrows the same exception object: the
     * caller sees the same exception with every earlier update in t. Merging before rethrowing was
     * chosen over checking every key on entry because the keys are computed in the loop (floorMod,
     * loads) and checking them would mean running the loop twice.
     *
     * Guard on entry, else the original loop runs: t is not null (the original would throw only at
     * its first update, after the key's own exceptions), t.length <= MAX_TABLE (k-1 extra copies of
     * a large table could throw OutOfMemoryError where the original does not, and cost more to
     * allocate and merge than a loop over them saves), and t is none of the guard locals.
     */
    static final int MAX_TABLE = 1 << 16;

    @Override
    public String name() {
        return NAME;
    }

    private static List<Integer> ks(TransformContext ctx) {
        return ctx.policy().range(RANGE, List.of(4, 2)).stream().filter(k -> k >= 2 && k <= 16).toList();
    }

    @Override
    public List<Map<String, Integer>> candidates(ClassNode owner, MethodNode original, TransformContext ctx) {
        MethodNode method = LoopRotation.canonical(original);
        List<Map<String, Integer>> out = new ArrayList<>();
        for (CountedLoop loop : CountedLoops.find(method)) {
            if (ScatterUpdate.analyze(owner, method, loop) instanceof ScatterUpdate) {
                for (int k : ks(ctx)) {
                    if (LoopCode.bodySize(loop) * (k + 1) <= ctx.policy().maxCopiedInsns()) {
                        Map<String, Integer> p = new LinkedHashMap<>();
                        p.put("loop", loop.index());
                        p.put("k", k);
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode original, TransformContext ctx) {
        if (ks(ctx).isEmpty()) {
            return "the policy's " + RANGE + " range " + ctx.policy().range(RANGE, List.of(4, 2)) + " has no value in 2..16";
        }
        MethodNode method = LoopRotation.canonical(original);
        List<CountedLoop> loops = CountedLoops.find(method);
        if (loops.isEmpty()) {
            return "no counted loop (an int induction variable stepped by a constant and tested against a bound "
                    + "the loop does not change) holding a scatter update t[key] += e";
        }
        List<String> why = new ArrayList<>();
        for (CountedLoop loop : loops) {
            Object r = ScatterUpdate.analyze(owner, method, loop);
            String reason = r instanceof String s ? s : "its body of " + LoopCode.bodySize(loop)
                    + " instructions times " + (ks(ctx).get(0) + 1) + " copies exceeds the policy's maxCopiedInsns";
            why.add("loop " + loop.index() + " over local " + loop.inductionVar() + ": " + reason);
        }
        return LocalNames.in(method, String.join("; ", why));
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode original, Map<String, Integer> params, TransformContext ctx) {
        MethodNode method = LoopRotation.canonical(original);
        List<CountedLoop> loops = CountedLoops.find(method);
        int index = params.getOrDefault("loop", -1);
        int k = params.getOrDefault("k", 0);
        if (index < 0 || index >= loops.size() || k < 2 || k > 16) {
            return false;
        }
        if (!(ScatterUpdate.analyze(owner, method, loops.get(index)) instanceof ScatterUpdate u)) {
            return false;
        }
        PrivatiseScatterCode.write(method, u, k);
        LoopRotation.adopt(original, method);
        return true;
    }
}
