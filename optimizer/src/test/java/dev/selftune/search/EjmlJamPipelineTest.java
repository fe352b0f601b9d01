package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.Variant;
import dev.selftune.api.Verdict;
import dev.selftune.generate.ClassBytes;
import dev.selftune.generate.Generator;
import dev.selftune.generate.Policy;
import dev.selftune.generate.TransformContext;
import dev.selftune.inputs.InputSource;
import dev.selftune.target.Target;
import dev.selftune.target.TargetClassLoader;
import dev.selftune.target.TargetLoader;
import dev.selftune.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tune's own path without JMH (load, profile, generate, verify) on the published EJML 0.43.1
 * {@code MatrixMatrixMult_DDRM#mult_small} with the library rows of {@code scripts/libraries/EjmlRows.java}:
 * the default policy offers unroll-and-jam variants and a row-accumulate variant (its setter
 * {@code DMatrixD1.set} read from the jar), and every one passes the verifier bit for bit. Skipped when the EJML jars are not in the local Maven repository.
 */
class EjmlJamPipelineTest {
    private static final Path M2 = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "ejml");
    private static final String TARGET = "org.ejml.dense.row.mult.MatrixMatrixMult_DDRM#mult_small"
            + "(Lorg/ejml/data/DMatrix1Row;Lorg/ejml/data/DMatrix1Row;Lorg/ejml/data/DMatrix1Row;)V";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"unroll-and-jam", "row-accumulate"})
    void pipeline_ejmlMultSmall_transformsVariantsPassVerification(String transform) throws Exception {
        Path ddense = M2.resolve("ejml-ddense/0.43.1/ejml-ddense-0.43.1.jar");
        Path core = M2.resolve("ejml-core/0.43.1/ejml-core-0.43.1.jar");
        Path rows = Path.of("..", "scripts", "libraries", "EjmlRows.java");
        assumeTrue(Files.isRegularFile(ddense) && Files.isRegularFile(core), "EJML 0.43.1 is not in ~/.m2");
        assumeTrue(Files.isRegularFile(rows), "scripts/libraries/EjmlRows.java not found from " + Path.of("").toAbsolutePath());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "no system Java compiler");
        assertEquals(0, javac.run(null, null, null, "-d", dir.toString(), "-cp", ddense + java.io.File.pathSeparator + core,
                "--release", "17", rows.toString()), "EjmlRows compiles");
        List<Path> cp = List.of(ddense, core, dir);

        Target t = TargetLoader.load(cp, MethodRef.parse(TARGET));
        Verifier verifier = new Verifier(t, new InputSource(1, new int[0], "EjmlRows#rows", null), null);
        verifier.profile();
        Policy p = Policy.defaults();
        List<Variant> vs;
        try (TargetClassLoader resources = new TargetClassLoader(cp, t.method().owner(), t.classBytes())) {
            vs = new Generator(p, TransformContext.exact(p), ClassBytes.resourcesOf(resources)).generate(t);
        }
        List<Variant> jammed = vs.stream().filter(v -> v.transforms().get(0).transform().equals(transform)).toList();
        assertFalse(jammed.isEmpty(), "no " + transform + " variant of mult_small among " + vs);
        List<String> passed = new ArrayList<>();
        for (Variant v : jammed) {
            Verdict verdict = verifier.verify(v);
            assertTrue(verdict.passed(), v + ": " + verdict);
            assertTrue(verdict.inputsChecked() >= 100, v + " checked " + verdict.inputsChecked());
            passed.add(v.id() + " " + v.transforms() + " (" + verdict.inputsChecked() + " rows)");
        }
        if (transform.equals("unroll-and-jam")) {
            assertTrue(jammed.stream().anyMatch(v -> v.transforms().get(0).params().get("factor") == 4), jammed.toString());
        }
        System.out.println("[EjmlJamPipelineTest] verified: " + passed);
    }
}
