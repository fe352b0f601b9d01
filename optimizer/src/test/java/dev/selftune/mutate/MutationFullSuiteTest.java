package dev.selftune.mutate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The full mutation suite, run by {@code scripts/mutation-suite.sh} (skipped unless
 * {@code -Dselftune.mutation.report=<file>} is given): every sample and specimen method, the table
 * written to that file, then the 99% bar asserted. {@code -Dselftune.mutation.only=<substring>}
 * narrows it to matching method labels.
 */
class MutationFullSuiteTest {
    @Test
    void fullSuite_everySampleAndSpecimen_killsAtLeast99PercentOfNonEquivalentMutants() throws IOException {
        String report = System.getProperty("selftune.mutation.report");
        assumeTrue(report != null && !report.isBlank(), "run by scripts/mutation-suite.sh");
        String samples = System.getProperty("selftune.mutation.samples");
        String only = System.getProperty("selftune.mutation.only", "");
        long seconds = Long.getLong("selftune.mutation.equivalenceSeconds", 60);
        List<Subject> subjects = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (samples != null && !samples.isBlank()) {
            Path root = Path.of(samples);
            subjects.addAll(Subjects.samples(root.resolve("target/classes"), root.resolve("samples.tsv"), skipped));
        }
        subjects.addAll(Subjects.specimens(Subjects.SPECIMENS, skipped));
        Path out = Path.of(report);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path log = Path.of(report + ".log");
        Files.writeString(log, "");
        MutationSuite suite = new MutationSuite(seconds * 1_000_000_000L, line -> append(log, line));
        List<MutantResult> all = new ArrayList<>();
        for (Subject s : subjects) {
            if (!s.label().contains(only)) {
                continue;
            }
            long t0 = System.nanoTime();
            List<MutantResult> rs = suite.run(s);
            all.addAll(rs);
            append(log, String.format("%s: %d mutants in %.1f s", s.label(), rs.size(), (System.nanoTime() - t0) / 1e9));
        }
        SuiteReport r = new SuiteReport(all);
        StringBuilder text = new StringBuilder(r.table());
        text.append(String.format("%nmethods tune refuses (not mutated): %d%n", skipped.size()));
        skipped.forEach(k -> text.append("  ").append(k).append('\n'));
        Files.writeString(out, text);
        assertTrue(r.killRate() >= 0.99, "kill rate " + r.killRate() + " below 99%; see " + out);
    }

    private static void append(Path log, String line) {
        try {
            Files.writeString(log, line + "\n", java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
