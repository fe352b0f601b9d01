package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.Step;
import dev.selftune.api.Variant;
import dev.selftune.api.Verdict;
import dev.selftune.generate.ClassBytes;
import dev.selftune.generate.Generator;
import dev.selftune.generate.Policy;
import dev.selftune.generate.TransformContext;
import dev.selftune.generate.TunedMethods;
import dev.selftune.inputs.InputSource;
import dev.selftune.report.ChangedMethods;
import dev.selftune.target.Target;
import dev.selftune.target.TargetClassLoader;
import dev.selftune.target.TargetLoader;
import dev.selftune.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Tune's generate and verify stages, without JMH, on a published library whose public entry
 * delegates: fastutil 8.5.12's {@code IntArrays.quickSort(int[])}, from the local Maven repository
 * (skipped when absent), with the provider {@code scripts/libraries/QuickSortRows.java} compiled here.
 */
class LibraryCalleeTest {
    static final Path JAR = Path.of(System.getProperty("user.home"),
            ".m2/repository/it/unimi/dsi/fastutil/8.5.12/fastutil-8.5.12.jar");
    static final Path PROVIDER = Path.of("../scripts/libraries/QuickSortRows.java");

    @TempDir
    Path dir;

    @Test
    void fastutilQuickSort_variantsOfTheDelegatedRangeMethod_passVerificationWithTheLibraryProvider() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR) && Files.isRegularFile(PROVIDER), "fastutil 8.5.12 not in ~/.m2");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), PROVIDER.toString()));
        List<Path> cp = List.of(JAR, dir);
        Target t = TargetLoader.load(cp, MethodRef.parse("it.unimi.dsi.fastutil.ints.IntArrays#quickSort([I)V"));
        Policy p = Policy.defaults();
        Generator g;
        List<Variant> vs;
        try (TargetClassLoader resources = new TargetClassLoader(cp, t.method().owner(), t.classBytes())) {
            g = new Generator(p, TransformContext.exact(p), ClassBytes.resourcesOf(resources));
            vs = g.generate(t);
        }
        assertEquals("quickSort([III)V", g.unit().get(1), "the delegated range method joins the unit: " + g.unit());
        List<Variant> picked = new ArrayList<>();
        pick(vs, picked, steps -> steps.size() == 1 && steps.get(0).transform().equals("tune-constant")
                && steps.get(0).params().get("value") == 32);
        /* the second constant (every site gets a value before any gets a second): trip-count's variants of the
         * counted swap loop (for (i = 0; i < n; i++, a++, b++)) and the whole-job algorithm choices take slots too */
        pick(vs, picked, steps -> steps.size() == 1 && steps.get(0).transform().equals("tune-constant")
                && steps.get(0).params().get("index") == 1);
        Verifier verifier = new Verifier(t, new InputSource(7, new int[] {16, 1024}, "QuickSortRows#rows", null), null);
        for (Variant v : picked) {
            assertEquals(List.of("quickSort([III)V"), ChangedMethods.of(t.classBytes(), v.classBytes()), v.toString());
            Verdict verdict = verifier.verify(v);
            assertInstanceOf(Verdict.Passed.class, verdict, v + ": " + verdict);
            assertTrue(verdict.inputsChecked() >= 100, v + " checked " + verdict.inputsChecked());
        }
        /*
         * The entry's call into the recursive range method is outside the recursion: a sibling there sorts the whole
         * array. The class's four other sorting algorithms of that descriptor are offered first (radixSort, which sorts
         * ints exactly as quickSort does, passes); its quadratic base-case sorts come last, and one that is reached
         * (a policy of algorithm-choice alone) is stopped by the verifier's step bound on the 100,000-element rows.
         */
        List<String> whole = vs.stream().filter(v -> v.transforms().stream().anyMatch(x -> x.transform().equals("algorithm-choice")
                && x.params().get("method") == 0)).map(v -> String.join(",", entryCalls(v))).toList();
        assertTrue(whole.containsAll(List.of("stableSort", "mergeSort", "unstableSort", "radixSort")), whole.toString());
        Variant radix = vs.stream().filter(v -> entryCalls(v).contains("radixSort")).findFirst().orElseThrow();
        assertTrue(ChangedMethods.of(t.classBytes(), radix.classBytes()).contains("quickSort([I)V"), radix.toString());
        Verdict verdict = verifier.verify(radix);
        assertInstanceOf(Verdict.Passed.class, verdict, radix + ": " + verdict);
        Policy choiceOnly = new Policy(List.of("algorithm-choice"), p.ranges(), 1, 24, 1, 0.5);
        List<Variant> all;
        try (TargetClassLoader resources = new TargetClassLoader(cp, t.method().owner(), t.classBytes())) {
            all = new Generator(choiceOnly, TransformContext.exact(choiceOnly), ClassBytes.resourcesOf(resources)).generate(t);
        }
        Variant quadratic = all.stream().filter(v -> entryCalls(v).contains("selectionSort")).findFirst()
                .orElseThrow(() -> new AssertionError("no whole-job selectionSort among " + all));
        Verdict slow = verifier.verify(quadratic);
        assertFalse(slow.passed(), quadratic + ": " + slow);
        assertTrue(slow.toString().contains("timeout"), slow.toString());
    }

    /* The methods the variant's public quickSort([I)V calls. */
    private static List<String> entryCalls(Variant v) {
        List<String> out = new ArrayList<>();
        for (AbstractInsnNode n : TunedMethods.find(
                ClassBytes.read(v.classBytes()), "quickSort", "([I)V").instructions) {
            if (n instanceof MethodInsnNode m) {
                out.add(m.name);
            }
        }
        return out;
    }

    private static void pick(List<Variant> vs, List<Variant> out, Predicate<List<Step>> which) {
        Variant v = vs.stream().filter(x -> which.test(x.transforms())).findFirst()
                .orElseThrow(() -> new AssertionError("no such variant among " + vs));
        out.add(v);
    }
}
