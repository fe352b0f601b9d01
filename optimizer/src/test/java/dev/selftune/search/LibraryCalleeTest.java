package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        pick(vs, picked, steps -> steps.size() == 1 && steps.get(0).transform().equals("algorithm-choice"));
        pick(vs, picked, steps -> steps.size() == 1 && steps.get(0).transform().equals("tune-constant")
                && steps.get(0).params().get("value") == 32);
        /* the second constant (every site gets a value before any gets a second), alone or after algorithm-choice:
         * trip-count's variants of the counted swap loop (for (i = 0; i < n; i++, a++, b++)) take slots too */
        pick(vs, picked, steps -> steps.get(steps.size() - 1).transform().equals("tune-constant")
                && steps.get(steps.size() - 1).params().get("index") == 1
                && steps.stream().allMatch(s -> s.transform().equals("tune-constant") || s.transform().equals("algorithm-choice")));
        pick(vs, picked, steps -> steps.size() == 2 && steps.get(0).transform().equals("algorithm-choice")
                && steps.get(1).transform().equals("tune-constant"));
        Verifier verifier = new Verifier(t, new InputSource(7, new int[] {16, 1024}, "QuickSortRows#rows", null), null);
        for (Variant v : picked) {
            assertEquals(List.of("quickSort([III)V"), ChangedMethods.of(t.classBytes(), v.classBytes()), v.toString());
            Verdict verdict = verifier.verify(v);
            assertInstanceOf(Verdict.Passed.class, verdict, v + ": " + verdict);
            assertTrue(verdict.inputsChecked() >= 100, v + " checked " + verdict.inputsChecked());
        }
    }

    private static void pick(List<Variant> vs, List<Variant> out, Predicate<List<Step>> which) {
        Variant v = vs.stream().filter(x -> which.test(x.transforms())).findFirst()
                .orElseThrow(() -> new AssertionError("no such variant among " + vs));
        out.add(v);
    }
}
