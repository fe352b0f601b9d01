package dev.selftune.measure;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run JMH returned nothing for says why in its one-line reason: the exception the fork printed. */
class ForkResultsTest {
    @TempDir
    Path dir;

    @Test
    void of_noResultsAndTheForkThrew_reasonNamesTheForksException() throws Exception {
        Path log = Files.writeString(dir.resolve("0001-original.log"), String.join("\n",
                "# Fork: 1 of 1",
                "# Warmup Iteration   1: <failure>",
                "",
                "org.ejml.MatrixDimensionException: 30 != 10 The 'A' and 'B' matrices do not have compatible dimensions",
                "\tat org.ejml.UtilEjml.assertShape(UtilEjml.java:728)",
                "# Run complete. Total time: 00:00:00"));
        MeasureFailure f = assertThrows(MeasureFailure.class,
                () -> ForkResults.of("original", List.of(), ForkPlan.screening(), log, dir.resolve("cpu")));
        assertTrue(f.reason().startsWith("JMH returned 0 benchmark results, expected 1 (did a fork crash?): "
                + "org.ejml.MatrixDimensionException: 30 != 10"), f.reason());
    }

    @Test
    void of_noResultsAndNoExceptionInTheLog_reasonAsBefore() throws Exception {
        Path log = Files.writeString(dir.resolve("0002.log"), "# Fork: 1 of 1\n<binary link had failed>\n");
        MeasureFailure f = assertThrows(MeasureFailure.class,
                () -> ForkResults.of("v1", List.of(), ForkPlan.screening(), log, dir.resolve("cpu")));
        assertTrue(f.reason().equals("JMH returned 0 benchmark results, expected 1 (did a fork crash?)"), f.reason());
    }
}
