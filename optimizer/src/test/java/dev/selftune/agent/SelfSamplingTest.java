package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.selftest.OwnCaller;
import dev.selftune.selftest.OwnHot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Self-sampling charges samples to selftune's own tunable classes only: not to sample code, plumbing or other loaders' copies. */
class SelfSamplingTest {
    static final MethodRef REAL = new MethodRef("dev.selftune.inputs.ValueGenerator", "real",
            "(Ldev/selftune/inputs/ValueGenerator$Mode;Ljava/util/Random;)D");
    static final MethodRef SAMPLE = new MethodRef("dev.selftune.samples.loops.DotProduct", "dot", "([D[D)D");
    static final MethodRef JUDGE = new MethodRef("dev.selftune.measure.Decider", "decide", "()V");

    static SampledMethod in(MethodRef m, ClassLoader l) {
        return new SampledMethod(m, 1, 2, l == null ? null : l.getName(), l == null ? null : l.getClass().getName());
    }

    @Test
    void ownCounts_sampleCodePlumbingAndOtherLoaders_dropped() {
        ClassLoader self = SelfTuner.class.getClassLoader();
        ClassLoader other = new java.net.URLClassLoader("target", new java.net.URL[0], self);
        Map<MethodRef, Long> m = SelfTuneParts.ownCounts(List.of(Map.entry(in(REAL, self), 30L), Map.entry(in(REAL, self), 5L),
                Map.entry(in(SAMPLE, self), 50L), Map.entry(in(JUDGE, self), 40L), Map.entry(in(REAL, other), 70L)), SelfTuner.class);
        assertEquals(Map.of(REAL, 35L), m);
    }

    @Test
    void examine_sampleCode_refusedAsNotSelftunesOwn() {
        Object x = new OwnCandidates(getClass().getClassLoader()).examine(SAMPLE, true);
        assertTrue(x instanceof String s && s.contains("sample code"), String.valueOf(x));
        assertFalse(OwnCandidates.isOwn("dev.selftune.samples.loops.DotProduct"));
        assertTrue(OwnCandidates.isOwn("dev.selftune.inputs.ValueGenerator"));
    }

    /* The first real --tune-self run spent both its tunings on methods no transform rewrites (no loop in either);
     * such a method is refused at selection, so the next hottest gets the slot. One with a loop is taken. */
    @Test
    void examine_methodNoTransformRewrites_refusedWithTheReasons_oneWithALoopTaken() {
        OwnCandidates c = new OwnCandidates(getClass().getClassLoader());
        Object real = c.examine(REAL, true);
        assertTrue(real instanceof String s && s.contains("no transform makes a variant of it") && s.contains("unroll"),
                String.valueOf(real));
        Object sum = c.examine(new MethodRef(OwnHot.class.getName(), "sum", "([I)J"), true);
        assertTrue(sum instanceof OwnCandidates.Own, String.valueOf(sum));
        /* an integral parameter may be specialised on the calls captured later: not refused before they are */
        Object twice = c.examine(new MethodRef(OwnHot.class.getName(), "twice", "(I)I"), true);
        assertTrue(twice instanceof OwnCandidates.Own, "no loop, but an int parameter: " + twice);
    }

    /* The real run: dev.selftune.samples.* was sampled (verification runs the targets in this JVM). Excluding it from
     * the pattern would only move its samples to the own caller below it; the own work next to it must still count. */
    @Test
    void sampling_timeInsideSampleCode_chargedNeitherToItNorToItsOwnCaller() throws Exception {
        HotMethodDetector d = new HotMethodDetector(SelfTuneParts.PATTERN, SelfTuneParts.PERIOD);
        d.start();
        long sink = 0;
        try {
            Thread.sleep(300);
            long[] a = new long[4096];
            int[] b = new int[4096];
            java.util.Arrays.fill(a, 3);
            java.util.Arrays.fill(b, 3);
            MethodRef caller = new MethodRef(OwnCaller.class.getName(), "callSample", "([J)J");
            MethodRef sum = new MethodRef(OwnHot.class.getName(), "sum", "([I)J");
            Map<MethodRef, Long> own = Map.of();
            // rounds until own work has 10 samples (a loaded machine samples fewer), at most 12 s
            for (long end = System.nanoTime() + 12_000_000_000L; own.getOrDefault(sum, 0L) < 10 && System.nanoTime() < end; ) {
                long round = System.nanoTime() + 2_000_000_000L;
                while (System.nanoTime() < round) {
                    sink += OwnCaller.callSample(a);
                    for (int i = 0; i < 500; i++) {
                        sink += OwnHot.sum(b);
                    }
                }
                Thread.sleep(1200);   // the stream delivers samples about once a second
                own = SelfTuneParts.sampler(d).counts();
            }
            assertTrue(own.getOrDefault(sum, 0L) >= 10, "own work is sampled: " + own + " " + sink);
            assertTrue(own.getOrDefault(caller, 0L) <= own.get(sum) / 4, "the sample code's time is not its caller's: " + own);
            assertTrue(own.keySet().stream().noneMatch(k -> k.owner().startsWith("dev.selftune.samples.")), own.toString());
            assertTrue(d.ranking().stream().anyMatch(e -> e.getKey().method().owner().startsWith("dev.selftune.samples.")),
                    "the sample code took its own samples");
        } finally {
            d.close();
        }
    }
}
