package dev.selftune.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Measurement;
import dev.selftune.inputs.InputSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingMeasurerTest {
    private static final ForkPlan PLAN = ForkPlan.tiny();

    @TempDir
    Path dir;
    private final List<String> warnings = new ArrayList<>();

    private BenchSpec spec(String label, byte[] bytes, long seed, int... sizes) throws Exception {
        Path file = dir.resolve("classes").resolve(label + "-" + seed + "-" + sizes.length + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return new BenchSpec(label, List.of(dir.resolve("cp")), "a.B", "sum", "([I)I", true, file,
                new InputSource(seed, sizes, null, null), true);
    }

    private CachingMeasurer caching(FakeMeasurer fake) {
        return new CachingMeasurer(fake, new MeasurementCache(dir.resolve("cache"), warnings::add));
    }

    @Test
    void measure_sameKeyInALaterRun_isServedFromTheCache() throws Exception {
        FakeMeasurer first = new FakeMeasurer(dir, "jvm|cpu|flags");
        Measurement m = caching(first).measure(spec("v1", new byte[] {1, 2}, 1, 16), PLAN);
        FakeMeasurer second = new FakeMeasurer(dir, "jvm|cpu|flags");
        CachingMeasurer c = caching(second);
        Measurement again = c.measure(spec("v7", new byte[] {1, 2}, 1, 16), PLAN);   // another id, the same bytes
        assertEquals(0, second.measured.size(), "a hit runs no fork");
        assertEquals(m.score(), again.score());
        assertArrayEquals(m.forkScores(), again.forkScores());
        assertArrayEquals(new double[] {0.75}, c.lastForkCpuShares());
        assertTrue(c.lastWasCached());
        assertEquals(1, c.hits());
        assertEquals(0, c.misses());
    }

    @Test
    void measure_aHit_tellsTheSecondsItsForksTookWhenTheyRan() throws Exception {
        long[] now = {0};
        Measurer timed = new SlowForks(new FakeMeasurer(dir, "env"), now, 2_500_000_000L);
        CachingMeasurer c = new CachingMeasurer(timed, new MeasurementCache(dir.resolve("cache"), warnings::add), () -> now[0]);
        BenchSpec s = spec("v1", new byte[] {4}, 1, 16);
        c.measure(s, PLAN);
        assertTrue(Double.isNaN(c.lastCachedSeconds()), "a fork that ran is no hit");
        CachingMeasurer later = caching(new FakeMeasurer(dir, "env"));
        later.measure(s, PLAN);
        assertEquals(2.5, later.lastCachedSeconds(), 1e-9);
        assertTrue(Double.isNaN(new FakeMeasurer(dir, "env").lastCachedSeconds()), "a measurer without a cache has no hits");
    }

    @Test
    void measure_aKeyAskedTwiceInOneRun_getsAFreshForkEachTime() throws Exception {
        FakeMeasurer fake = new FakeMeasurer(dir, "env");
        CachingMeasurer c = caching(fake);
        BenchSpec s = spec("original", new byte[] {9}, 1, 16);
        double a = c.measure(s, PLAN).score();
        double b = c.measure(s, PLAN).score();
        assertEquals(2, fake.measured.size());
        assertTrue(a != b, "the second round must not reuse the first round's fork as new evidence");
        CachingMeasurer later = caching(new FakeMeasurer(dir, "env"));
        assertEquals(a, later.measure(s, PLAN).score());
        assertEquals(b, later.measure(s, PLAN).score());
        assertFalse(c.lastWasCached());
        assertEquals(2, later.hits());
        assertEquals(2, c.misses());
    }

    @Test
    void measure_anyPartOfTheKeyChanged_misses() throws Exception {
        caching(new FakeMeasurer(dir, "env")).measure(spec("v", new byte[] {1}, 1, 16), PLAN);
        FakeMeasurer fake = new FakeMeasurer(dir, "env");
        CachingMeasurer c = caching(fake);
        c.measure(spec("v", new byte[] {2}, 1, 16), PLAN);                               // bytes
        c.measure(spec("v", new byte[] {1}, 2, 16), PLAN);                               // seed
        c.measure(spec("v", new byte[] {1}, 1, 16, 32), PLAN);                           // sizes
        c.measure(spec("v", new byte[] {1}, 1, 16), new ForkPlan(1, 1, 2, Duration.ofMillis(200)));   // plan
        caching(new FakeMeasurer(dir, "other jvm")).measure(spec("v", new byte[] {1}, 1, 16), PLAN);  // environment
        assertEquals(4, fake.measured.size());
        assertEquals(0, c.hits());
        assertEquals(4, c.misses());
    }

    @Test
    void confirm_always_runsFreshForksAndTouchesNoCache() throws Exception {
        FakeMeasurer fake = new FakeMeasurer(dir, "env");
        CachingMeasurer c = caching(fake);
        BenchSpec a = spec("original", new byte[] {1}, 1, 16);
        BenchSpec b = spec("v1", new byte[] {2}, 1, 16);
        c.measure(b, PLAN);
        c.confirm(a, b, 6, PLAN);
        c.confirm(a, b, 6, PLAN);
        caching(fake).confirm(a, b, 6, PLAN);
        c.pairs(a, b, PLAN).addPairs(6, done -> { });
        assertEquals(4, fake.confirms, "every confirmation, sequential looks too, reaches the real measurer");
        assertEquals(1, c.misses());
        assertEquals(0, c.hits());
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            assertEquals(1, files.filter(Files::isRegularFile).count(), "only the screening measurement is stored");
        }
    }

    @Test
    void measure_corruptCacheFile_isIgnoredWithAWarningAndRewritten() throws Exception {
        BenchSpec s = spec("v1", new byte[] {1}, 1, 16);
        caching(new FakeMeasurer(dir, "env")).measure(s, PLAN);
        Path file;
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            file = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        for (String garbage : List.of("{\"key\": tru", "{\"key\": \"x\"}", "[1, 2]", "")) {
            Files.writeString(file, garbage);
            FakeMeasurer fake = new FakeMeasurer(dir, "env");
            CachingMeasurer c = caching(fake);
            c.measure(s, PLAN);
            assertEquals(1, fake.measured.size(), "a corrupt entry is measured afresh: " + garbage);
            assertEquals(1, c.misses());
        }
        assertEquals(4, warnings.size());
        assertTrue(warnings.get(0).startsWith("[selftune] measurement cache entry " + file), warnings.get(0));
        FakeMeasurer fake = new FakeMeasurer(dir, "env");
        caching(fake).measure(s, PLAN);
        assertEquals(0, fake.measured.size(), "the rewritten entry serves again");
    }

    @Test
    void measure_entryWithTheWrongShape_isIgnored() throws Exception {
        BenchSpec s = spec("v1", new byte[] {1}, 1, 16);
        MeasurementCache cache = new MeasurementCache(dir.resolve("cache"), warnings::add);
        String key = MeasurementKey.of(s, PLAN, "env");
        Files.createDirectories(cache.fileOf(key).getParent());
        Files.writeString(cache.fileOf(key), "{\"key\": " + dev.selftune.util.Json.write(key)
                + ", \"measurements\": [{\"score\": -1, \"error\": 0, \"unit\": \"ns/op\", \"forks\": 1, \"iterations\": 2,"
                + " \"forkScores\": [1], \"cpuShares\": [null]}]}");
        assertTrue(cache.load(key).isEmpty());
        assertEquals(1, warnings.size());
    }

    @Test
    void defaultDirectory_property_overridesTheUsersCacheDirectory() {
        String saved = System.getProperty(MeasurementCache.DIR_PROPERTY);
        try {
            System.setProperty(MeasurementCache.DIR_PROPERTY, dir.toString());
            assertEquals(dir, MeasurementCache.defaultDirectory());
            System.clearProperty(MeasurementCache.DIR_PROPERTY);
            assertTrue(MeasurementCache.defaultDirectory().endsWith("selftune"));
        } finally {
            if (saved != null) {
                System.setProperty(MeasurementCache.DIR_PROPERTY, saved);
            }
        }
    }

    @Test
    void over_withoutADirectory_isTheMeasurerItself() {
        FakeMeasurer fake = new FakeMeasurer(dir, "env");
        assertEquals(fake, CachingMeasurer.over(fake, null));
        assertTrue(CachingMeasurer.over(fake, dir) instanceof CachingMeasurer);
    }
}
