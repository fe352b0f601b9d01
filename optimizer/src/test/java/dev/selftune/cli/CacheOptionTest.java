package dev.selftune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.measure.MeasurementCache;
import dev.selftune.report.ReportFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tune --cache: off unless asked, a directory, or 'default' for the user's cache directory. */
class CacheOptionTest {
    @TempDir
    Path dir;

    private CliRun tune(String... extra) {
        String[] base = {"tune", "--classpath", dir.toString(), "--target", "a.B#c", "--inputs", "a.Inputs#rows",
                "--out", dir.resolve("out").toString(), "--quiet"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(r -> ReportFixtures.keep(), args);
    }

    @Test
    void cache_notGiven_isOff() {
        CliRun run = tune();
        assertEquals(0, run.code, run.err);
        assertNull(run.request.cacheDir());
    }

    @Test
    void cache_directory_reachesTheRequest() {
        CliRun run = tune("--cache", dir.resolve("c").toString());
        assertEquals(0, run.code, run.err);
        assertEquals(dir.resolve("c"), run.request.cacheDir());
    }

    @Test
    void cache_default_isTheUsersCacheDirectory() {
        CliRun run = tune("--cache", "default");
        assertEquals(0, run.code, run.err);
        assertEquals(MeasurementCache.defaultDirectory(), run.request.cacheDir());
    }

    @Test
    void cache_aFile_isRefusedNamingTheFix() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "");
        CliRun run = tune("--cache", file.toString());
        assertEquals(2, run.code);
        assertTrue(run.err.contains("--cache '" + file + "' is a file: name a directory"), run.err);
    }
}
