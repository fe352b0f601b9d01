package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;
import dev.selftune.api.Variant;
import dev.selftune.generate.nestspecimens.Nests;
import dev.selftune.generate.nestspecimens.Tiles;
import dev.selftune.generate.specimens.FlatMatrices;
import dev.selftune.generate.specimens.Layouts;
import dev.selftune.generate.specimens.Loops;
import dev.selftune.generate.specimens.Scatters;
import dev.selftune.generate.specimens.Sorts;
import dev.selftune.generate.specimens.Strided;
import dev.selftune.generate.specimens.Weights;

/** Every transform × every specimen method keeps behaviour, bit for bit, and every variant verifies. */
class TransformConformanceTest {
    static final List<Class<?>> SPECIMENS = List.of(Loops.class, Sorts.class, Weights.class, Layouts.class, Scatters.class, FlatMatrices.class, Strided.class,
            dev.selftune.generate.specimens.Invariants.class,
            dev.selftune.generate.specimens.Inlining.class, dev.selftune.generate.specimens.InliningStack.class,
            dev.selftune.generate.specimens.LongIndices.class,
            dev.selftune.generate.specimens.Areas.class, dev.selftune.generate.specimens.Selects.class,
            dev.selftune.generate.specimens.DerivedIndices.class, dev.selftune.generate.specimens.Whiles.class);
    static final List<Class<?>> NEST_SPECIMENS = List.of(Nests.class, Tiles.class);
    /* The value specialise folds in: every int parameter of a specimen takes it in 19 of 20 caller rows. */
    static final int USUAL = 1;
    static final int TRIALS = 300;
    /* Trials per variant in the broad sweeps (every transform x every specimen, compositions): they run
     * hundreds of variants, so they trade depth per variant for breadth; targeted tests keep TRIALS. */
    static final int SWEEP_TRIALS = 80;
    private int trials = TRIALS;
    private final Map<Class<?>, Class<?>> originals = new java.util.concurrent.ConcurrentHashMap<>();
    /* When set, some arguments alias each other (Specimen.aliased): both sides of alias guards run. */
    private boolean aliasing;
    /* When set, every int argument is USUAL in half the trials: both sides of a value guard run. */
    private boolean usualInts;

    static List<Variant> variants(Class<?> c, Method m, List<String> transforms, int depth, int max, boolean fp) {
        return variants(c, m, transforms, depth, max, fp, false);
    }

    static List<Variant> variants(Class<?> c, Method m, List<String> transforms, int depth, int max, boolean fp,
                                  boolean usual) {
        Policy d = Policy.defaults();
        Policy p = new Policy(transforms, d.ranges(), depth, max, 1, 0.5);
        TransformContext ctx = fp ? new TransformContext(true, 1e-4, p) : TransformContext.exact(p);
        if (usual) {
            ctx = ctx.withUsualValues(usualRows(m));
        }
        Generator g = new Generator(p, ctx, ClassBytes.resourcesOf(TransformConformanceTest.class.getClassLoader()));
        return g.generate(m.getName(), Type.getMethodDescriptor(m), Specimen.bytes(c));
    }

    /* Twenty caller rows of m in which every int parameter is USUAL except in the first. */
    private static dev.selftune.inputs.UsualValues usualRows(Method m) {
        Random r = new Random(m.getName().hashCode());
        List<Object[]> rows = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            Object[] args = Specimen.args(m.getParameterTypes(), r, 20 + t, false);
            if (t > 0) {
                setInts(m, args);
            }
            rows.add(args);
        }
        return dev.selftune.inputs.UsualValues.of(m.getName(), Type.getMethodDescriptor(m), rows);
    }

    private static void setInts(Method m, Object[] args) {
        for (int i = 0; i < args.length; i++) {
            if (m.getParameterTypes()[i] == int.class) {
                args[i] = USUAL;
            }
        }
    }

    /** Null when {@code v} behaves like the original on every trial, else what differed (a hang guard stops runaway loops). */
    /** This harness with aliased arguments in every trial ({@code on}) or none. */
    TransformConformanceTest aliasing(boolean on) {
        aliasing = on;
        return this;
    }

    String conform(Class<?> c, Method m, Variant v, double tolerance, boolean finite) {
        java.util.concurrent.FutureTask<String> task = new java.util.concurrent.FutureTask<>(
                () -> conformNow(c, m, v, tolerance, finite));
        Thread t = new Thread(task, "conform-" + v.id());
        t.setDaemon(true);
        t.start();
        try {
            return task.get(120, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return m.getName() + " " + v + ": did not finish (runaway loop?)";
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            return m.getName() + " " + v + ": " + e;
        }
    }

    private String conformNow(Class<?> c, Method m, Variant v, double tolerance, boolean finite) {
        String complaints = Specimen.check(v.classBytes());
        if (!complaints.isEmpty()) {
            return m.getName() + " " + v + ": CheckClassAdapter: " + complaints;
        }
        try {
            Class<?> orig = originals.computeIfAbsent(c, k -> Specimen.load(k.getName(), Specimen.bytes(k)));
            Method mo = orig.getMethod(m.getName(), m.getParameterTypes());
            Class<?> variant = Specimen.load(c.getName(), v.classBytes());
            Method mv = variant.getMethod(m.getName(), m.getParameterTypes());
            Object ro = Specimen.receiver(mo, orig);
            Object rv = Specimen.receiver(mv, variant);
            Random r = new Random(42 + m.getName().hashCode());
            for (int t = 0; t < trials; t++) {
                Object[] args = Specimen.args(m.getParameterTypes(), r, t, finite);
                if (aliasing) {
                    Specimen.aliased(args, r);
                }
                if (usualInts && t % 2 == 0) {
                    setInts(m, args);
                }
                Specimen.Outcome want = Specimen.run(mo, ro, args);
                Specimen.Outcome got = Specimen.run(mv, rv, args);
                if (!want.sameAs(got, tolerance)) {
                    return m.getName() + " " + v + ": on " + Specimen.describe(args) + " expected " + want.result()
                            + "/" + want.thrown() + " got " + got.result() + "/" + got.thrown();
                }
            }
            return null;
        } catch (ReflectiveOperationException | LinkageError e) {
            return m.getName() + " " + v + ": " + e;
        }
    }

    private List<String> conformAll(List<String> transforms, int depth, int max, boolean fp, double tol, boolean finite,
                                    Map<String, Integer> counts) {
        return conformAll(SPECIMENS, transforms, depth, max, fp, tol, finite, counts);
    }

    private List<String> conformAll(List<Class<?>> specimens, List<String> transforms, int depth, int max, boolean fp,
                                    double tol, boolean finite, Map<String, Integer> counts) {
        List<String> failures = new ArrayList<>();
        for (Class<?> c : specimens) {
            for (Method m : Specimen.publicMethods(c)) {
                List<Variant> vs = variants(c, m, transforms, depth, max, fp, usualInts);
                counts.merge(m.getName(), vs.size(), Integer::sum);
                for (Variant v : vs) {
                    String f = conform(c, m, v, tol, finite);
                    if (f != null) {
                        failures.add(f);
                    }
                }
            }
        }
        return failures;
    }

    @Test
    void loopTransforms_everySpecimenAlone_keepBehaviourBitForBit() {
        trials = SWEEP_TRIALS;
        Map<String, Integer> counts = new HashMap<>();
        List<String> failures = conformAll(List.of("split-accumulators", "unroll"), 1, 1000, false, 0, false, counts);
        assertEquals(List.of(), failures);
        assertTrue(counts.get("intSum") >= 6, "unroll and split both apply to intSum: " + counts);
        assertEquals(0, counts.get("boundChanges"), "a loop whose bound local changes is refused");
    }

    @Test
    void loopTransforms_composedByDefaultPolicy_keepBehaviourBitForBit() {
        trials = SWEEP_TRIALS;
        Map<String, Integer> counts = new HashMap<>();
        List<String> failures = conformAll(List.of("split-accumulators", "unroll"), 3, 24, false, 0, false, counts);
        assertEquals(List.of(), failures);
    }

    @Test
    void allLoopTransforms_composedOnLoopNests_keepBehaviourBitForBit() {
        Map<String, Integer> counts = new HashMap<>();
        List<String> failures = conformAll(List.of(Nests.class),
                List.of("interchange", "hoist", "split-accumulators", "unroll"), 3, 24, false, 0, false, counts);
        assertEquals(List.of(), failures);
        assertTrue(counts.get("matmul") > 3, counts.toString());
    }

    @Test
    void guardedInterchange_composedOnLoopNestsWithAliasedArguments_keepBehaviourBitForBit() {
        Map<String, Integer> counts = new HashMap<>();
        aliasing = true;
        List<String> failures = conformAll(List.of(Nests.class), Transforms.names().stream()
                .filter(t -> !t.equals("tune-constant")).toList(), 2, 24, false, 0, false, counts);
        assertEquals(List.of(), failures);
        Map<String, Integer> guarded = new HashMap<>();
        conformAll(List.of(Nests.class), List.of(dev.selftune.generate.transform.GuardedInterchange.NAME), 1, 24, false, 0,
                false, guarded);
        assertEquals(2, guarded.get("matmulInto"), "guarded interchange with and without hoisting: " + guarded);
        assertEquals(0, guarded.get("matmul"), "a fresh output needs no guard: " + guarded);
    }

    /* Every exact registered transform (not the proposals tune-constant and algorithm-choice, which the verifier judges) on every specimen, alone, with and without aliased arguments. */
    @Test
    void everyRegisteredTransform_everySpecimenAlone_keepBehaviourBitForBit() {
        trials = SWEEP_TRIALS;
        List<Class<?>> all = new ArrayList<>(SPECIMENS);
        all.addAll(NEST_SPECIMENS);
        List<String> names = Transforms.names().stream().filter(t -> Transforms.byName(t).orElseThrow().exact()).toList();
        for (boolean alias : new boolean[] {false, true}) {
            aliasing = alias;
            for (String name : names) {
                Map<String, Integer> counts = new HashMap<>();
                assertEquals(List.of(), conformAll(all, List.of(name), 1, 1000, false, 0, false, counts), name);
            }
        }
    }

    @Test
    void tileAndPrivatiseScatter_composedWithEveryTransform_keepBehaviourBitForBit() {
        Map<String, Integer> counts = new HashMap<>();
        aliasing = true;
        List<String> names = Transforms.names().stream().filter(t -> Transforms.byName(t).orElseThrow().exact()).toList();
        List<Class<?>> classes = List.of(Tiles.class, Scatters.class, Nests.class);
        assertEquals(List.of(), conformAll(classes, names, 2, 24, false, 0, false, counts));
        Map<String, Integer> tiled = new HashMap<>();
        conformAll(List.of(Tiles.class), List.of("tile"), 1, 100, false, 0, false, tiled);
        conformAll(List.of(Nests.class), List.of("tile"), 1, 100, false, 0, false, tiled);
        assertEquals(8, tiled.get("transpose"), "one variant per block size, in Tiles and in Nests: " + tiled);
        assertEquals(4, tiled.get("transposeInto"), "guarded, one per block size: " + tiled);
        assertEquals(4, tiled.get("transposeFlat"), "a flat row-major transpose tiles: " + tiled);
        assertEquals(0, tiled.get("transposeFlatOverlap"), "overlapping rows do not: " + tiled);
        assertTrue(tiled.get("matmul") >= 4 && tiled.get("matmulInto") >= 4, tiled.toString());
        Map<String, Integer> privatised = new HashMap<>();
        conformAll(List.of(Scatters.class), List.of("privatise-scatter"), 1, 100, false, 0, false, privatised);
        assertEquals(2, privatised.get("histogram"), privatised.toString());
        assertEquals(0, privatised.get("readsTable"), privatised.toString());
        assertEquals(0, privatised.get("rowsInto"), privatised.toString());
    }

    /*
     * The rest of the suite's rule (every registered transform on every specimen; the test above
     * holds every other transform to bit-for-bit behaviour): tune-constant proposes rewrites that change
     * behaviour on purpose (the verifier is what rejects a wrong cut-off), so its variants are held to
     * valid bytecode only, as in tuneConstant_everySpecimen_verifiesAndSortStaysCorrect; and
     * unroll-and-jam must actually fire on the flat matrix kernels.
     */
    @Test
    void tuneConstantOnEverySpecimen_validBytecode_unrollAndJamFiresOnFlatKernels() {
        Map<String, Integer> counts = new HashMap<>();
        List<Class<?>> all = new ArrayList<>(SPECIMENS);
        all.addAll(NEST_SPECIMENS);
        List<String> failures = new ArrayList<>();
        for (String t : Transforms.names()) {
            Map<String, Integer> c = new HashMap<>();
            if (t.equals("tune-constant")) {
                for (Class<?> k : all) {
                    for (Method m : Specimen.publicMethods(k)) {
                        for (Variant v : variants(k, m, List.of(t), 1, 1000, false)) {
                            c.merge(m.getName(), 1, Integer::sum);
                            String complaints = Specimen.check(v.classBytes());
                            if (!complaints.isEmpty()) {
                                failures.add(m.getName() + " " + v + ": " + complaints);
                            }
                        }
                    }
                }
            } else if (t.equals(dev.selftune.generate.transform.UnrollAndJam.NAME)
                    || t.equals(dev.selftune.generate.transform.RowAccumulate.NAME)) {
                failures.addAll(conformAll(all, List.of(t), 1, 1000, false, 0, false, c));
            }
            counts.put(t, c.values().stream().mapToInt(Integer::intValue).sum());
        }
        assertEquals(List.of(), failures);
        assertTrue(counts.get(dev.selftune.generate.transform.UnrollAndJam.NAME) >= 4,
                "unroll-and-jam applies to FlatMatrices.mult and multAdd at factors 4 and 2: " + counts);
        assertTrue(counts.get(dev.selftune.generate.transform.RowAccumulate.NAME) >= 2,
                "row-accumulate applies to FlatMatrices.mult and multAdd: " + counts);
    }

    /* Row accumulation followed by every other exact transform (unroll and split-accumulators meet its new row loops), aliased. */
    @Test
    void rowAccumulate_composedWithEveryTransformOnFlatMatrices_keepBehaviourBitForBit() {
        Map<String, Integer> counts = new HashMap<>();
        aliasing = true;
        List<String> names = Transforms.names().stream().filter(t -> Transforms.byName(t).orElseThrow().exact()).toList();
        assertEquals(List.of(), conformAll(List.of(FlatMatrices.class), names, 2, 200, false, 0, false, counts));
        assertTrue(counts.getOrDefault("mult", 0) > 2, counts.toString());
    }

    @Test
    void everyTransform_everySpecimenWithUsualIntArguments_specialisedAndComposedKeepBehaviourBitForBit() {
        trials = SWEEP_TRIALS;
        Map<String, Integer> counts = new HashMap<>();
        usualInts = true;
        List<String> all = Transforms.names().stream().filter(t -> Transforms.byName(t).orElseThrow().exact()).toList();
        List<String> failures = conformAll(SPECIMENS, all, 2, 24, false, 0, false, counts);
        assertEquals(List.of(), failures);
        Map<String, Integer> specialised = new HashMap<>();
        conformAll(SPECIMENS, List.of(dev.selftune.generate.transform.Specialise.NAME), 1, 24, false, 0, false, specialised);
        assertEquals(1 + 6, specialised.get("axpy"), "all six int parameters at once, then each alone: " + specialised);
        assertEquals(1 + 3, specialised.get("sum"), specialised.toString());
        assertEquals(0, specialised.get("intSum"), "no int parameter: " + specialised);
    }

    /*
     * The suite over Transforms.names(): each registered transform alone on every specimen method, the
     * delegating quicksort's entry included (its public range method with random from/to only
     * measures how fast an out-of-range index throws). An exact transform must keep behaviour bit for bit; a proposal
     * (Transform.exact() false) must leave valid bytecode. Every name must make a variant somewhere,
     * so a new transform arrives with a specimen it applies to.
     */
    @Test
    void everyRegisteredTransform_everySpecimenAlone_conformsOrVerifies() {
        trials = SWEEP_TRIALS;
        List<Class<?>> specimens = new ArrayList<>(SPECIMENS);
        specimens.addAll(NEST_SPECIMENS);
        specimens.add(dev.selftune.generate.specimens.Delegating.class);
        List<String> failures = new ArrayList<>();
        for (String name : Transforms.names()) {
            boolean exact = Transforms.byName(name).orElseThrow().exact();
            int made = 0;
            for (Class<?> c : specimens) {
                for (Method m : Specimen.publicMethods(c)) {
                    if (c == dev.selftune.generate.specimens.Delegating.class && m.getParameterCount() != 1) {
                        continue;
                    }
                    for (Variant v : variants(c, m, List.of(name), 1, 24, false, true)) {
                        made++;
                        // exact transforms on the shared specimens are run by the sweep above; here the proposals, and the delegating entry
                        boolean run = exact && c == dev.selftune.generate.specimens.Delegating.class;
                        String f = run ? conform(c, m, v, 0, false) : Specimen.check(v.classBytes());
                        if (f != null && !f.isEmpty()) {
                            failures.add(f);
                        }
                    }
                }
            }
            if (made == 0) {
                failures.add(name + " made no variant of any specimen: add a specimen it applies to");
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void splitAccumulators_fpOptIn_keepsBehaviourWithinTolerance() {
        trials = SWEEP_TRIALS;
        Map<String, Integer> counts = new HashMap<>();
        List<String> failures = conformAll(List.of("split-accumulators", "unroll"), 2, 40, true, 1e-4, true, counts);
        assertEquals(List.of(), failures);
    }

    @Test
    void tuneConstant_everySpecimen_verifiesAndSortStaysCorrect() {
        List<String> failures = new ArrayList<>();
        int sortVariants = 0;
        for (Class<?> c : SPECIMENS) {
            for (Method m : Specimen.publicMethods(c)) {
                for (Variant v : variants(c, m, List.of("tune-constant"), 1, 1000, false)) {
                    String complaints = Specimen.check(v.classBytes());
                    if (!complaints.isEmpty()) {
                        failures.add(m.getName() + " " + v + ": " + complaints);
                    }
                    if (m.getName().equals("sort")) {
                        sortVariants++;
                        String f = conform(c, m, v, 0, false);
                        if (f != null) {
                            failures.add(f);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(sortVariants >= 5, "the insertion-sort cut-off is offered: " + sortVariants);
    }

    @Test
    void allTransforms_defaultPolicy_respectMaxVariantsAndRecordParents() throws Exception {
        Method m = Loops.class.getMethod("withCall", int[].class);
        List<Variant> vs = variants(Loops.class, m, Policy.defaults().transforms(), 3, 24, false);
        assertFalse(vs.isEmpty());
        assertTrue(vs.size() <= 24);
        assertTrue(vs.stream().anyMatch(v -> v.transforms().get(0).params().get("method") > 0),
                "private helpers are tuned too: " + vs);
        assertTrue(vs.stream().anyMatch(v -> v.transforms().size() > 1), "compositions appear: " + vs);
        for (int i = 0; i < vs.size(); i++) {
            Variant v = vs.get(i);
            assertEquals("v" + (i + 1), v.id());
            assertTrue(v.parent().equals(Variant.ORIGINAL_ID) || vs.stream().anyMatch(p -> p.id().equals(v.parent())));
            assertEquals(v.parent().equals(Variant.ORIGINAL_ID) ? 1 : 2, Math.min(v.transforms().size(), 2));
        }
        assertEquals(vs.size(), vs.stream().map(Variant::bytesHash).distinct().count(), "deduplicated by bytes");
    }
}
