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
import dev.selftune.generate.specimens.Layouts;
import dev.selftune.generate.specimens.Loops;
import dev.selftune.generate.specimens.Sorts;
import dev.selftune.generate.specimens.Weights;

/** Every transform × every specimen method keeps behaviour, bit for bit, and every variant verifies. */
class TransformConformanceTest {
    static final List<Class<?>> SPECIMENS = List.of(Loops.class, Sorts.class, Weights.class, Layouts.class);
    static final int TRIALS = 300;
    private final Map<Class<?>, Class<?>> originals = new java.util.concurrent.ConcurrentHashMap<>();
    /* When set, some arguments alias each other (Specimen.aliased): both sides of alias guards run. */
    private boolean aliasing;

    static List<Variant> variants(Class<?> c, Method m, List<String> transforms, int depth, int max, boolean fp) {
        Policy d = Policy.defaults();
        Policy p = new Policy(transforms, d.ranges(), depth, max, 1, 0.5);
        TransformContext ctx = fp ? new TransformContext(true, 1e-4, p) : TransformContext.exact(p);
        Generator g = new Generator(p, ctx, ClassBytes.resourcesOf(TransformConformanceTest.class.getClassLoader()));
        return g.generate(m.getName(), Type.getMethodDescriptor(m), Specimen.bytes(c));
    }

    /** Null when {@code v} behaves like the original on every trial, else what differed (a hang guard stops runaway loops). */
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
            for (int t = 0; t < TRIALS; t++) {
                Object[] args = Specimen.args(m.getParameterTypes(), r, t, finite);
                if (aliasing) {
                    Specimen.aliased(args, r);
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
                List<Variant> vs = variants(c, m, transforms, depth, max, fp);
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
        Map<String, Integer> counts = new HashMap<>();
        List<String> failures = conformAll(List.of("split-accumulators", "unroll"), 1, 1000, false, 0, false, counts);
        assertEquals(List.of(), failures);
        assertTrue(counts.get("intSum") >= 6, "unroll and split both apply to intSum: " + counts);
        assertEquals(0, counts.get("boundChanges"), "a loop whose bound local changes is refused");
    }

    @Test
    void loopTransforms_composedByDefaultPolicy_keepBehaviourBitForBit() {
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

    /*
     * The suite over Transforms.names(): each registered transform alone on every specimen method, the
     * delegating quicksort's entry included (its public range method with random from/to only
     * measures how fast an out-of-range index throws). An exact transform must keep behaviour bit for bit; a proposal
     * (Transform.exact() false) must leave valid bytecode. Every name must make a variant somewhere,
     * so a new transform arrives with a specimen it applies to.
     */
    @Test
    void everyRegisteredTransform_everySpecimenAlone_conformsOrVerifies() {
        List<Class<?>> specimens = new ArrayList<>(SPECIMENS);
        specimens.add(Nests.class);
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
                    for (Variant v : variants(c, m, List.of(name), 1, 24, false)) {
                        made++;
                        String f = exact ? conform(c, m, v, 0, false) : Specimen.check(v.classBytes());
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
