package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Decision;
import dev.selftune.api.RankSummary;
import dev.selftune.api.TuneRequest;
import dev.selftune.api.TuneResult;
import dev.selftune.api.VariantResult;
import dev.selftune.api.specimens.Kernels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tuner with a measurer that runs no JVM: after a training pass the ranking model screens fewer
 * variants, finds the same winner, and the winner still goes through the same confirmation and
 * decision; with the model off nothing is ranked out.
 */
class RankedTuneTest {
    @TempDir
    Path dir;

    private static byte[] original() {
        try (InputStream in = Kernels.class.getClassLoader().getResourceAsStream(Kernels.class.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TuneRequest request(long seed, Path cache, Path policy) throws Exception {
        Path classes = Path.of(Kernels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        TuneRequest.Builder b = TuneRequest.builder().classpathEntry(classes).target(Kernels.class.getName() + "#multiply")
                .sizes(64).budget(Duration.ofSeconds(120)).seed(seed).cacheDir(cache);
        return (policy == null ? b : b.policyFile(policy)).build();
    }

    private TuneResult tune(TuneRequest req, PlantedMeasurer m) {
        return Tuner.run(req, (work, budget) -> m);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }

    @Test
    void tune_modelOnAfterTraining_screensFewerFindsTheSameWinnerAndConfirmsIt() throws Exception {
        byte[] original = original();
        Path train = dir.resolve("train");
        for (long seed = 1; seed <= 3; seed++) {   // the training pass: model off, every variant screened and learned
            TuneResult t = tune(request(seed, train, null), new PlantedMeasurer(dir, original));
            assertEquals(0, t.ranking().rankedOut());
        }

        PlantedMeasurer off = new PlantedMeasurer(dir, original);
        TuneResult rOff = tune(request(1, dir.resolve("off"), null), off);

        Path on = dir.resolve("on");
        copyTree(train.resolve("rank-models"), on.resolve("rank-models"));   // the model, without the cached measurements
        Path policy = Files.writeString(dir.resolve("policy.json"),
                "{\"rankModel\": true, \"rankFraction\": 0.25, \"rankMinMeasured\": 2, \"rankExplore\": 1}");
        PlantedMeasurer onM = new PlantedMeasurer(dir, original);
        TuneResult rOn = tune(request(1, on, policy), onM);

        RankSummary k = rOn.ranking();
        assertTrue(k.enabled() && k.fitted(), k.toString());
        assertTrue(k.examples() >= 20, k.toString());
        assertTrue(k.rankedOut() > 0, "the model ranked nothing out: " + k);
        assertEquals(1, k.explored(), k.toString());
        assertTrue(onM.measured.size() < off.measured.size(),
                "screening measurements with the model " + onM.measured.size() + ", without " + off.measured.size());
        assertFalse(rOff.ranking().enabled());
        assertEquals(0, rOff.ranking().rankedOut());

        Decision.Swap swapOff = assertInstanceOf(Decision.Swap.class, rOff.decision(), rOff.decision().toString());
        Decision.Swap swapOn = assertInstanceOf(Decision.Swap.class, rOn.decision(), rOn.decision().toString());
        assertEquals(swapOff.variant().bytesHash(), swapOn.variant().bytesHash(), "the same winner with and without the model");
        assertTrue(onM.pairBatches >= 1, "the winner went through the measurer's fresh confirmation pairs");
        VariantResult c = rOn.confirmedResult();
        double planted = 10 / onM.planted(swapOn.variant().classBytes());
        assertEquals(planted, c.speedup().ratio(), planted * 0.02, "the decided speedup is the confirmation's, not the model's");
        assertEquals(2 * c.measurement().forks(), k.confirmationForks(), "both sides of every confirmation pair are counted");
        assertEquals(onM.measured.size(), k.screeningForks(), "one fork per screening measurement (screenForks 1)");
        java.util.Map<String, Long> forksEach = onM.measured.stream().filter(l -> !l.equals(dev.selftune.api.Variant.ORIGINAL_ID))
                .collect(java.util.stream.Collectors.groupingBy(l -> l, java.util.stream.Collectors.counting()));
        assertTrue(forksEach.values().stream().allMatch(n -> n <= 2) && forksEach.values().stream().filter(n -> n == 2).count() <= 2,
                "after the cut one more round for the two leaders (rankFinalists 2), no further halving: " + forksEach);
        assertTrue(k.note().contains("re-measured at most 2"), k.note());
    }
}
