package dev.selftune.generate.transform;

import dev.selftune.generate.LocalNames;
import dev.selftune.generate.LoopNest;
import dev.selftune.generate.LoopNestLoop;
import dev.selftune.generate.Multiversion;
import dev.selftune.generate.Transform;
import dev.selftune.generate.TransformContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Loop tiling (blocking) of a 2-D nest: {@code for ii step B, for jj step B, for i in [ii, min(ii+B, n)),
 * for j in [jj, min(jj+B, m))}. Parameters: {@code nest} (numbered as {@link Interchange} numbers them:
 * perfect nests, then accumulator nests made perfect), {@code block} (B) and {@code guard} (1 when
 * the nest writes arrays the caller owns and runs tiled only behind an alias guard, as
 * {@link GuardedInterchange} does).
 */
public final class Tile implements Transform {
    public static final String NAME = "tile";
    static final String RANGE = "tile.block";
    static final List<Integer> BLOCKS = List.of(32, 16, 64, 8);

    /*
     * Why: a transpose t[j][i] = a[i][j] streams one side and strides the other in either loop
     * order, a new cache line (and, past 64 rows, a new TLB page) per element; interchange only moves
     * the miss to the other array. In a B×B tile both sides touch B lines each, which stay in L1
     * while the tile runs. C2 never tiles (PhaseIdealLoop has no such transform).
     *
     * Exactness: tiling is strip-mining both loops (always exact) and interchanging the inner strip
     * loop of i with the outer strip loop of j, so it is legal exactly when LoopNest's interchange
     * test passes: every written element is touched at one address that is a bijection of the
     * induction variables it depends on, so it sees the same operations in the same order (a
     * reduction over j for a fixed element still sees j in increasing order, block after block).
     * Where the written array is a parameter, the same alias guard as guarded-interchange proves
     * per call that no written row is read under another name and no access can throw.
     */

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Map<String, Integer>> candidates(ClassNode owner, MethodNode method, TransformContext ctx) {
        List<Integer> blocks = ctx.policy().range(RANGE, BLOCKS).stream().filter(b -> b >= 2 && b <= 1 << 16).toList();
        List<Map<String, Integer>> out = new ArrayList<>();
        List<LoopNest> nests = LoopNest.find(method);
        int accumulators = InterchangeAccumulator.find(owner, method).size();
        for (int i = 0; i < nests.size() + accumulators; i++) {
            int guard = mode(owner, method, nests, i);
            if (guard < 0) {
                continue;
            }
            for (int b : blocks) {
                Map<String, Integer> p = new LinkedHashMap<>();
                p.put("nest", i);
                p.put("block", b);
                p.put("guard", guard);
                out.add(p);
            }
        }
        return out;
    }

    /* 0: tile as is; 1: tile behind an alias guard; -1: not at all. Accumulator nests are tiled unguarded only. */
    private static int mode(ClassNode owner, MethodNode method, List<LoopNest> nests, int index) {
        if (index >= nests.size()) {
            return Interchange.sunkNest(owner, Interchange.copy(method), index - nests.size()) != null ? 0 : -1;
        }
        LoopNest nest = nests.get(index);
        if (nest.whyNotInterchangeable(owner, method) == null) {
            return 0;
        }
        return whyNotGuarded(owner, method, nest) == null ? 1 : -1;
    }

    private static String whyNotGuarded(ClassNode owner, MethodNode method, LoopNest nest) {
        String why = Multiversion.whyNot(owner, method);
        if (why != null) {
            return why;
        }
        why = nest.whyNotInterchangeable(owner, method, true);
        if (why != null) {
            return why;
        }
        why = AliasGuard.analyze(method, nest).whyNot;
        return why == null ? null : "it writes arrays the caller owns, and no alias guard is possible: " + why;
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode method, TransformContext ctx) {
        List<Integer> blocks = ctx.policy().range(RANGE, BLOCKS);
        if (blocks.stream().noneMatch(b -> b >= 2 && b <= 1 << 16)) {
            return "the policy's " + RANGE + " range " + blocks + " has no block size in 2..65536";
        }
        List<LoopNestLoop> loops = LoopNestLoop.find(method);
        if (loops.size() < 2) {
            return "needs two nested counted loops (for (int i = a; i < n; i++)), found " + loops.size();
        }
        List<String> why = new ArrayList<>();
        for (LoopNest nest : LoopNest.find(method)) {
            String plain = nest.whyNotInterchangeable(owner, method);
            String guarded = whyNotGuarded(owner, method, nest);
            String verdict = plain == null ? "may be tiled (its candidates were offered)"
                    : plain + (guarded == null ? "; may be tiled behind an alias guard" : guarded.equals(plain) ? "" : "; behind a guard: " + guarded);
            why.add("nest over " + name(method, nest.outer().iv()) + ", " + name(method, nest.inner().iv()) + ": " + verdict);
        }
        if (why.isEmpty()) {
            return "found " + loops.size() + " counted loops but no perfectly nested pair whose inner body is straight-line "
                    + "(no branches, calls or stores to locals)";
        }
        return LocalNames.in(method, String.join("; ", why));
    }

    private static String name(MethodNode method, int slot) {
        String n = LocalNames.of(method, slot);
        return n == null ? "local " + slot : n;
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode method, Map<String, Integer> params, TransformContext ctx) {
        int index = params.getOrDefault("nest", -1);
        int block = params.getOrDefault("block", 0);
        int guard = params.getOrDefault("guard", 0);
        List<LoopNest> nests = LoopNest.find(method);
        int accumulators = InterchangeAccumulator.find(owner, method).size();
        if (index < 0 || index >= nests.size() + accumulators || block < 2 || block > 1 << 16
                || mode(owner, method, nests, index) != guard) {
            return false;
        }
        if (index >= nests.size()) {
            TileCode.rewrite(method, Interchange.sunkNest(owner, method, index - nests.size()), block);
            return true;
        }
        if (guard == 0) {
            TileCode.rewrite(method, nests.get(index), block);
            return true;
        }
        AliasGuard aliasGuard = AliasGuard.analyze(method, nests.get(index));
        int k = Multiversion.freeIndex(owner, method);
        MethodNode fast = Multiversion.fastCopy(method, k);
        TileCode.rewrite(fast, LoopNest.find(fast).get(index), block);
        MethodNode guardMethod = Multiversion.emptyGuard(method, k);
        AliasGuardCode.write(aliasGuard, method, guardMethod);
        Multiversion.install(owner, method, fast, guardMethod);
        return true;
    }
}
