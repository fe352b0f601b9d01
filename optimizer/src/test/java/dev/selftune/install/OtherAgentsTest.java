package dev.selftune.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A second retransforming agent (JaCoCo-like probes) on the same class keeps working, before or after prepare. */
class OtherAgentsTest {
    private final Agents.LoggedSwapper logged = new Agents.LoggedSwapper();
    private final HotSwapper swapper = logged.swapper;

    @Test
    void probesAddedAfterPrepare_countCallsAndSwapsStillApply() throws Exception {
        MethodRef twice = new MethodRef(ProbeLaterTarget.class.getName(), "twice", null);
        swapper.setMinSwapInterval(Duration.ZERO);
        swapper.prepare(ProbeLaterTarget.class, twice);
        ProbeTransformer probes = new ProbeTransformer(ProbeLaterTarget.class);
        Agents.INST.addTransformer(probes, true);
        try {
            Agents.INST.retransformClasses(ProbeLaterTarget.class);
            int before = ProbeTransformer.hits("ProbeLaterTarget.twice");
            assertEquals(6, ProbeLaterTarget.twice(3));
            assertEquals(before + 1, ProbeTransformer.hits("ProbeLaterTarget.twice"));
            swapper.swap(twice, "x4", Variants.withConstant(ProbeLaterTarget.class, "twice", 2, 4));
            assertEquals(12, ProbeLaterTarget.twice(3));
            assertEquals(before + 2, ProbeTransformer.hits("ProbeLaterTarget.twice"));
        } finally {
            Agents.INST.removeTransformer(probes);
        }
        Agents.INST.retransformClasses(ProbeLaterTarget.class);   // the other agent leaves; our trampoline is re-applied
        int after = ProbeTransformer.hits("ProbeLaterTarget.twice");
        assertEquals(12, ProbeLaterTarget.twice(3));
        assertEquals(after, ProbeTransformer.hits("ProbeLaterTarget.twice"));
        swapper.rollback(twice);
        assertEquals(6, ProbeLaterTarget.twice(3));
    }

    @Test
    void probesAddedBeforePrepare_stayInTheOriginalCopyAndLeaveWithTheirAgent() throws Exception {
        MethodRef twice = new MethodRef(ProbeFirstTarget.class.getName(), "twice", null);
        ProbeTransformer probes = new ProbeTransformer(ProbeFirstTarget.class);
        Agents.INST.addTransformer(probes, true);
        try {
            Agents.INST.retransformClasses(ProbeFirstTarget.class);
            swapper.prepare(ProbeFirstTarget.class, twice);
            int before = ProbeTransformer.hits("ProbeFirstTarget.twice");
            assertEquals(6, ProbeFirstTarget.twice(3));
            assertEquals(before + 1, ProbeTransformer.hits("ProbeFirstTarget.twice"));
        } finally {
            Agents.INST.removeTransformer(probes);
        }
        Agents.INST.retransformClasses(ProbeFirstTarget.class);
        int after = ProbeTransformer.hits("ProbeFirstTarget.twice");
        assertEquals(6, ProbeFirstTarget.twice(3));
        assertEquals(after, ProbeTransformer.hits("ProbeFirstTarget.twice"));
        assertTrue(logged.count("refreshed the original body") >= 1, logged.lines.toString());
        swapper.swap(twice, "x5", Variants.withConstant(ProbeFirstTarget.class, "twice", 2, 5));
        assertEquals(15, ProbeFirstTarget.twice(3));
    }
}
