package dev.selftune.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import dev.selftune.generate.transform.AlgorithmChoice;
import dev.selftune.generate.transform.BranchFree;
import dev.selftune.generate.transform.GuardedDevirtualise;
import dev.selftune.generate.transform.GuardedInterchange;
import dev.selftune.generate.transform.Hoist;
import dev.selftune.generate.transform.HoistInvariants;
import dev.selftune.generate.transform.Inline;
import dev.selftune.generate.transform.LinearIndex;
import dev.selftune.generate.transform.TripCount;
import dev.selftune.generate.transform.Interchange;
import dev.selftune.generate.transform.NarrowIndex;
import dev.selftune.generate.transform.PrivatiseScatter;
import dev.selftune.generate.transform.RowAccumulate;
import dev.selftune.generate.transform.Specialise;
import dev.selftune.generate.transform.SplitAccumulators;
import dev.selftune.generate.transform.Tile;
import dev.selftune.generate.transform.TuneConstant;
import dev.selftune.generate.transform.Unroll;
import dev.selftune.generate.transform.UnrollAndJam;

/** The registry of transforms by their stable names; policies name transforms, this resolves them. */
public final class Transforms {
    private static final Map<String, Supplier<Transform>> REGISTRY = new LinkedHashMap<>();

    static {
        // Specialise first: the generator offers its fast copy, with the usual values folded in, to every later rule.
        register(Specialise.NAME, Specialise::new);
        // Inlining next: a helper's body copied into the loop is loop code every later rule can see.
        register(Inline.NAME, Inline::new);
        // A virtual call in a loop split behind a class guard: the fast side is a static call later rules and C2 can see through.
        register(GuardedDevirtualise.NAME, GuardedDevirtualise::new);
        // A long loop index narrowed to int: the int counted loop every later loop rule reads.
        register(NarrowIndex.NAME, NarrowIndex::new);
        // Derived indices (ix += 1 beside i++) read as base + i: the linear accesses C2 and the loop rules below read.
        register(LinearIndex.NAME, LinearIndex::new);
        // A while loop stepped by constants gets a counted loop of its trip count in front: the shape unroll and split-accumulators read.
        register(TripCount.NAME, TripCount::new);
        // A select compiled as a branch becomes Math.abs/min/max: a straight-line body the loop rules below can read.
        register(BranchFree.NAME, BranchFree::new);
        // Then loop-nest transforms: they change the loop structure the later rules see.
        register("interchange", Interchange::new);
        register(GuardedInterchange.NAME, GuardedInterchange::new);
        register(Tile.NAME, Tile::new);
        register("hoist", Hoist::new);
        register(HoistInvariants.NAME, HoistInvariants::new);
        register(RowAccumulate.NAME, RowAccumulate::new);
        register(UnrollAndJam.NAME, UnrollAndJam::new);
        register(PrivatiseScatter.NAME, PrivatiseScatter::new);
        register(SplitAccumulators.NAME, SplitAccumulators::new);
        register(Unroll.NAME, Unroll::new);
        // Before tune-constant, so a chosen algorithm's cut-off can be tuned in the same variant.
        register(AlgorithmChoice.NAME, AlgorithmChoice::new);
        register(TuneConstant.NAME, TuneConstant::new);
    }

    private Transforms() { }

    private static void register(String name, Supplier<Transform> factory) {
        REGISTRY.put(name, factory);
    }

    /** The transform called {@code name}, or empty when no transform has that name. */
    public static Optional<Transform> byName(String name) {
        Supplier<Transform> f = REGISTRY.get(name);
        return f == null ? Optional.empty() : Optional.of(f.get());
    }

    /** Every registered transform, in registration order. */
    public static List<Transform> all() {
        List<Transform> out = new ArrayList<>();
        REGISTRY.values().forEach(f -> out.add(f.get()));
        return out;
    }

    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }
}
