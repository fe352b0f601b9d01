package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Measurement;
import dev.selftune.api.TuneRequest;
import dev.selftune.api.TuneResult;
import dev.selftune.api.VariantResult;
import dev.selftune.measure.BenchSpec;
import dev.selftune.measure.ForkPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole Tuner with a measurer that runs no JVM, where every variant loses at the small size: a size dispatcher joins the race. */
class SizeChoiceTuneTest {
    private static final String SUM = "dev.selftune.target.specimens.Shapes#sum";

    @TempDir
    Path dir;

    @Test
    void tune_leaderSlowerAtTheSmallSize_dispatcherEntersTheRaceAndTheResultAddsUp() throws Exception {
        Path classes = Path.of(SizeChoiceTuneTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        TuneRequest req = TuneRequest.builder().classpathEntry(classes).target(SUM).sizes(16, 1024)
                .budget(Duration.ofSeconds(120)).seed(1).build();
        byte[] original = dev.selftune.target.TargetLoader.load(List.of(classes), dev.selftune.api.MethodRef.parse(SUM)).classBytes();
        PlantedMeasurer m = new PlantedMeasurer(dir, original) {
            @Override
            public Measurement measure(BenchSpec spec, ForkPlan plan) {
                Measurement real = super.measure(spec, plan);
                boolean smallOnly = spec.inputs().sizes().length == 1 && spec.inputs().sizes()[0] == 16;
                if (!smallOnly || spec.label().equals("original")) {
                    return real;
                }
                double[] slow = new double[real.forkScores().length];
                java.util.Arrays.fill(slow, 20);
                return new Measurement(20, 0.05, "ns/op", slow.length, plan.measurementIterations(), slow);
            }
        };
        TuneResult r = Tuner.run(req, (work, budget) -> m);
        VariantResult d = r.variants().stream().filter(v -> v.variant().id().endsWith("-by-size")).findFirst()
                .orElseThrow(() -> new AssertionError("no dispatcher; notApplied: " + r.notApplied().get("size-dispatch")));
        assertTrue(d.verdict().passed(), d.verdict().toString());
        assertTrue(d.note().contains("16: 0.50x"), d.note());
        assertEquals("size-dispatch", d.variant().transforms().get(d.variant().transforms().size() - 1).transform());
        assertTrue(r.unexplored() >= 0);
        assertTrue(m.measured.stream().filter(l -> l.endsWith("-by-size")).count() >= 1, "the dispatcher was screened: " + m.measured);
    }
}
