package dev.selftune.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.specimens.Kernels;
import dev.selftune.target.TargetClassLoader;
import dev.selftune.util.Json;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real run of the whole pipeline with forked JMH and a short budget: the report carries every
 * field, the run keeps to its budget, and a swap (if the noisy machine confirms one) writes a winner
 * class that loads in place of the original and computes the same.
 */
class TuneEndToEndTest {
    @TempDir
    Path out;

    @Test
    @SuppressWarnings("unchecked")
    void tune_matrixMultiply_writesCompleteReportWithinBudget() throws Exception {
        Path classes = Path.of(Kernels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        TuneRequest req = TuneRequest.builder().classpathEntry(classes).target(Kernels.class.getName() + "#multiply")
                .sizes(4096).budget(Duration.ofSeconds(40)).out(out).build();
        TuneResult r = Selftune.tune(req);
        Selftune.write(r, out, req.minSpeedup());

        assertTrue(r.elapsedSeconds() <= 40 * 1.1 + 15, "elapsed " + r.elapsedSeconds()); // + JVM/JMH lock slack on shared CI
        assertTrue(r.generated() > 0, "no variants generated");
        assertEquals(r.generated(), r.variants().size() + r.unexplored(), "every variant is reported or counted unexplored");
        Map<String, Object> json = Json.parseObject(Files.readString(out.resolve("report.json")));
        for (String key : List.of("target", "jvm", "cpu", "seed", "budgetSeconds", "elapsedSeconds", "baseline", "variants",
                "decision", "winner", "fpTolerance", "sizes", "forkJvmArgs", "forkPlans", "confirmed", "notApplied")) {
            assertTrue(json.containsKey(key), "report.json lacks " + key);
        }
        assertNotNull(((Map<String, Object>) json.get("baseline")).get("score"));
        assertEquals("wall", ((Map<String, Object>) json.get("baseline")).get("basis"));
        assertEquals(List.of(4096L), json.get("sizes"));
        assertEquals(null, json.get("fpTolerance"), "a bit-exact run");
        assertTrue(((Map<String, Object>) json.get("forkPlans")).containsKey("confirmation"));
        for (Object o : (List<Object>) json.get("variants")) {
            Map<String, Object> v = (Map<String, Object>) o;
            for (String key : List.of("id", "transforms", "verdict", "inputsChecked", "rejectReason", "score", "error",
                    "speedup", "speedupLow", "speedupHigh", "scoreBasis", "speedupBasis", "stage")) {
                assertTrue(v.containsKey(key), "variant lacks " + key + ": " + v);
            }
        }
        assertTrue(Files.readString(out.resolve("report.html")).contains("<svg"));
        if (r.decision() instanceof Decision.Swap s) {
            assertEquals("swap", json.get("decision"));
            assertTrue(s.speedup().low() > 1.0 && s.speedup().ratio() >= 1.05, s.speedup().toString());
            byte[] winner = Files.readAllBytes(out.resolve("winner/" + Kernels.class.getName().replace('.', '/') + ".class"));
            try (TargetClassLoader l = new TargetClassLoader(List.of(classes), Kernels.class.getName(), winner)) {
                Method m = l.targetClass().getMethod("multiply", double[][].class, double[][].class);
                double[][] a = {{1, 2}, {3, 4}};
                double[][] b = {{5, 6}, {7, 8}};
                assertArrayEquals(Kernels.multiply(a, b), (double[][]) m.invoke(null, a, b));
            }
        } else {
            assertEquals("keep-original", json.get("decision"));
            assertEquals(null, json.get("winner"));
        }
    }
}
