package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.ForkPlanInfo;
import dev.selftune.api.RunSetup;
import dev.selftune.api.TuneRequest;
import dev.selftune.measure.ForkPlan;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSetupsTest {
    private static TuneRequest.Builder request() {
        return TuneRequest.builder().classpathEntry(Path.of(".")).target("a.B#c").out(Path.of("out"));
    }

    @Test
    void of_generatedInputsWithTolerance_recordsSizesFlagsAndBothPlans() {
        RunSetup s = RunSetups.of(request().sizes(8, 64).allowFpReassociation(1e-9).forkJvmArg("-Xmx1g").build(),
                Tuner.SCREEN, ForkPlan.confirmation());
        assertEquals(1e-9, s.fpTolerance());
        assertTrue(s.toleranceBased());
        assertEquals(List.of(8, 64), s.sizes());
        assertEquals("generated", s.inputs());
        assertEquals(List.of("-Xmx1g"), s.forkJvmArgs());
        assertEquals(new ForkPlanInfo(Tuner.SCREEN.forks(), Tuner.SCREEN.warmupIterations(),
                Tuner.SCREEN.measurementIterations(), Tuner.SCREEN.iterationTime().toMillis()), s.screening());
        assertEquals(ForkPlan.confirmation().measurementIterations(), s.confirmation().measurementIterations());
    }

    @Test
    void of_providerRows_recordsNoSizesButTheProvider() {
        RunSetup s = RunSetups.of(request().inputsProvider("a.Rows#rows").build(), Tuner.SCREEN, ForkPlan.confirmation());
        assertNull(s.sizes(), "sizes shape only generated rows");
        assertEquals("provider a.Rows#rows", s.inputs());
        assertEquals(dev.selftune.measure.ForkFlags.forForks(List.of()), s.forkJvmArgs(), "the flags the forks ran with, fixed heap included");
        assertNull(s.fpTolerance());
        assertFalse(s.toleranceBased());
    }

    @Test
    void noVariantReason_pointsAtNotAppliedWithTheFirstReasons() {
        Map<String, String> why = new LinkedHashMap<>();
        why.put("interchange", "needs two nested counted loops, found 0");
        why.put("hoist", "no counted loop");
        why.put("unroll", "no counted loop");
        String reason = RunSetups.noVariantReason(why);
        assertTrue(reason.contains("notApplied in report.json"), reason);
        assertTrue(reason.contains("interchange: needs two nested counted loops, found 0; hoist: no counted loop; ..."), reason);
        assertFalse(reason.contains("unroll"), reason);
    }
}
