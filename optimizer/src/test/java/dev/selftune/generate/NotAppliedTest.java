package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Step;
import dev.selftune.api.Variant;
import dev.selftune.generate.nestspecimens.Nests;
import dev.selftune.generate.specimens.Loops;
import dev.selftune.generate.specimens.Plain;
import dev.selftune.generate.specimens.Sorts;
import dev.selftune.generate.specimens.Weights;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Every registered transform that produced no variant says why, from its own analysis. */
class NotAppliedTest {
    private static Generator generator(Policy p, boolean fp) {
        TransformContext ctx = fp ? new TransformContext(true, 1e-9, p) : TransformContext.exact(p);
        return new Generator(p, ctx, ClassBytes.resourcesOf(NotAppliedTest.class.getClassLoader()));
    }

    private static Map<String, String> notApplied(Class<?> c, String name, Policy p, boolean fp) {
        Generator g = generator(p, fp);
        g.generate(name, null, Specimen.bytes(c));
        return g.notApplied();
    }

    @Test
    void notApplied_straightLineMethod_listsEveryRegisteredTransformWithAReason() {
        Generator g = generator(Policy.defaults(), false);
        List<Variant> vs = g.generate("mix", null, Specimen.bytes(Plain.class));
        assertTrue(vs.isEmpty(), vs.toString());
        assertEquals(Transforms.names(), List.copyOf(g.notApplied().keySet()));
        g.notApplied().forEach((n, why) -> assertFalse(why.isBlank(), n));
        assertTrue(g.notApplied().get("unroll").startsWith("no counted loop"), g.notApplied().toString());
        assertTrue(g.notApplied().get("interchange").contains("found 0"), g.notApplied().toString());
        assertTrue(g.notApplied().get("tune-constant").contains("no integer constant"), g.notApplied().toString());
    }

    /* The conformance-style check: over every specimen method, each name in Transforms.names() either made a variant or has a reason, never both. */
    @Test
    void notApplied_everySpecimenMethod_coversEveryRegisteredNameExactlyOnce() {
        int explained = 0;
        for (Class<?> c : List.of(Loops.class, Sorts.class, Weights.class, Nests.class, Plain.class,
                dev.selftune.generate.specimens.Scatters.class, dev.selftune.generate.nestspecimens.Tiles.class)) {
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers())) {
                    continue;
                }
                Generator g = generator(Policy.defaults(), false);
                List<Variant> vs = g.generate(m.getName(), Type.getMethodDescriptor(m), Specimen.bytes(c));
                Set<String> produced = new HashSet<>();
                vs.forEach(v -> v.transforms().stream().map(Step::transform).forEach(produced::add));
                for (String name : Transforms.names()) {
                    String why = g.notApplied().get(name);
                    String where = c.getSimpleName() + "#" + m.getName() + " " + name;
                    assertNotEquals(produced.contains(name), why != null, where + ": produced " + produced + ", reason " + why);
                    assertTrue(why == null || !why.isBlank(), where);
                    explained += why == null ? 0 : 1;
                }
                assertTrue(Transforms.names().containsAll(g.notApplied().keySet()), g.notApplied().keySet().toString());
            }
        }
        assertTrue(explained > 20, "too few explanations to mean anything: " + explained);
    }

    @Test
    void whyNotApplied_everyRegisteredTransform_givesItsOwnReason() throws Exception {
        for (Transform t : Transforms.all()) {
            Method m = t.getClass().getMethod("whyNotApplied", ClassNode.class, MethodNode.class, TransformContext.class);
            assertEquals(t.getClass(), m.getDeclaringClass(), t.name() + " relies on the default explanation");
        }
    }

    @Test
    void notApplied_matmulIntoAParameter_namesTheParameterThatMayAlias() {
        String why = notApplied(Nests.class, "matmulInto", new Policy(List.of("interchange"), Map.of(), 1, 24, 1, 0.5), false)
                .get("interchange");
        assertTrue(why.contains("stores go to c (local 2), which is not a fresh array: c is a parameter: it may alias any other array"), why);
        assertTrue(why.startsWith("nest over "), why);
    }

    @Test
    void localNames_slotWithoutDebugName_staysANumber() {
        org.objectweb.asm.tree.MethodNode m = new org.objectweb.asm.tree.MethodNode();
        assertEquals("local 3 is a parameter; local 3 again", LocalNames.in(m, "local 3 is a parameter; local 3 again"));
    }

    @Test
    void notApplied_doubleSumWithoutOptIn_saysWhichFlagAllowsIt() {
        Policy p = new Policy(List.of("split-accumulators"), Policy.defaults().ranges(), 1, 24, 1, 0.5);
        String why = notApplied(Loops.class, "doubleSum", p, false).get("split-accumulators");
        assertTrue(why.contains("sums doubles into s (local"), why);
        assertTrue(why.contains("--allow-fp-reassociation"), why);
        assertFalse(notApplied(Loops.class, "doubleSum", p, true).containsKey("split-accumulators"),
                "with the opt-in the sum splits, so there is nothing to explain");
    }

    @Test
    void notApplied_transformLeftOutOfThePolicy_saysSo() {
        Map<String, String> why = notApplied(Loops.class, "intSum", new Policy(List.of("unroll"), Map.of(), 1, 24, 1, 0.5), false);
        assertFalse(why.containsKey("unroll"));
        assertTrue(why.get("hoist").startsWith("not in the search policy's transforms"), why.toString());
    }

    @Test
    void notApplied_candidatesBeyondTheCap_sayTheyWereNotReached() {
        Map<String, String> why = notApplied(Sorts.class, "sort", new Policy(List.of("unroll", "tune-constant"),
                Policy.defaults().ranges(), 1, 1, 1, 0.5), false);
        assertTrue(why.get("tune-constant").contains("were not reached before the policy's cap of 1 variants"), why.toString());
    }

    @Test
    void notApplied_loopThatIsNotCounted_isExplainedPerTransform() {
        Map<String, String> why = notApplied(Plain.class, "chase", Policy.defaults(), false);
        assertEquals(Transforms.names(), new ArrayList<>(why.keySet()), why.toString());
        assertTrue(why.get("split-accumulators").startsWith("no counted loop"), why.toString());
    }
}
