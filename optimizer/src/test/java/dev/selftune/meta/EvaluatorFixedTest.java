package dev.selftune.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.TuneException;
import dev.selftune.api.TuneRequest;
import dev.selftune.generate.Policy;
import dev.selftune.search.PolicyFile;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The loop cannot loosen the judge. Planted candidate policies try to: as policy files naming a
 * judge's knob (refused, naming the key), and as mutations (a policy has no such field, and every
 * tuning request the loop builds judges exactly as generation 0's does).
 */
class EvaluatorFixedTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "\"inputs\": 1",                     // fewer inputs
        "\"inputRows\": 2",
        "\"sizes\": [16]",
        "\"minSpeedup\": 1.0",               // a lower minimum speedup
        "\"confidence\": 0.6",
        "\"fpTolerance\": 0.5",
        "\"forks\": 1",                      // shorter forks
        "\"confirmForks\": 1",
        "\"measurementIterations\": 1",
        "\"iterationTime\": \"10ms\"",
        "\"confirmPairs\": 2",
        "\"verify\": false",                 // a disabled check
        "\"skipVerification\": true",
        "\"signTest\": false",
        "\"decisionRule\": \"point-estimate\"",
    })
    void load_candidatePolicyLooseningTheJudge_isRefusedNamingTheKey(String entry) throws Exception {
        Path f = dir.resolve("candidate.json");
        Files.writeString(f, "{\"maxDepth\": 2, " + entry + "}");
        TuneException e = assertThrows(TuneException.class, () -> PolicyFile.load(f));
        String key = entry.substring(1, entry.indexOf('"', 1));
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
    }

    @Test
    void policy_hasNoComponentThatJudges() {
        List<String> judging = List.of("input", "size", "speedup", "confidence", "tolerance", "fp", "fork", "pair",
                "iteration", "verif", "check", "sign", "decision", "budget", "threshold", "warmup");
        for (RecordComponent c : Policy.class.getRecordComponents()) {
            String name = c.getName().toLowerCase(Locale.ROOT);
            if (name.equals("screenforks")) {
                continue; // ranks contestants in the race; confirmation forks are the judge's (measure)
            }
            assertTrue(judging.stream().noneMatch(name::contains), "Policy." + c.getName() + " looks like a judge's knob");
        }
    }

    @Test
    void request_anyProposedPolicy_judgesExactlyAsGenerationZero() throws Exception {
        Evaluator e = new Evaluator(List.of(dir), "java", 4, Duration.ofSeconds(45), dir.resolve("cache"));
        MetaTarget t = new MetaTarget("a.B#c", "x.In#rows", 1e-9, null, 1);
        Path g0File = dir.resolve("g0.json");
        PolicyFile.save(Policy.defaults(), g0File);
        TuneRequest g0 = e.request(t, g0File);
        PolicyMutator hostile = new PolicyMutator(17);
        Policy p = Policy.defaults();
        for (int i = 0; i < 100; i++) {
            p = hostile.mutate(p);
            Path f = dir.resolve("c" + i + ".json");
            PolicyFile.save(p, f);
            TuneRequest r = e.request(t, f);
            assertEquals(g0.minSpeedup(), r.minSpeedup());
            assertEquals(g0.confidence(), r.confidence());
            assertEquals(g0.fpTolerance(), r.fpTolerance());
            assertEquals(g0.inputsProvider(), r.inputsProvider());
            assertEquals(g0.inputsFile(), r.inputsFile());
            assertArrayEquals(g0.sizes(), r.sizes());
            assertEquals(g0.budget(), r.budget());
            assertEquals(g0.seed(), r.seed());
            assertEquals(g0.forkJvmArgs(), r.forkJvmArgs());
            assertEquals(g0.javaBinary(), r.javaBinary());
            assertEquals(g0.classpath(), r.classpath());
            assertEquals(p, PolicyFile.load(r.policyFile()), "the policy enters only as the policy file");
        }
    }

    @Test
    void request_judgeFieldsAreTunesDefaults() {
        Evaluator e = new Evaluator(List.of(dir), "java", 4, Duration.ofSeconds(45), null);
        TuneRequest r = e.request(new MetaTarget("a.B#c"), dir.resolve("p.json"));
        TuneRequest d = TuneRequest.builder().classpathEntry(dir).target("a.B#c").build();
        assertEquals(d.minSpeedup(), r.minSpeedup());
        assertEquals(d.confidence(), r.confidence());
        assertArrayEquals(d.sizes(), r.sizes());
        assertTrue(Arrays.equals(TuneRequest.DEFAULT_SIZES, r.sizes()));
    }
}
