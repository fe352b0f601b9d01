package dev.selftune.measure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The judge knows nothing of the contestants: measure and verify import neither generate, search nor meta. */
class JudgeIndependenceTest {
    private static final List<String> PROPOSERS = List.of("dev.selftune.generate", "dev.selftune.search", "dev.selftune.meta");

    @Test
    void judgePackages_sources_importNoProposer() throws IOException {
        int files = 0;
        for (String pkg : List.of("measure", "verify")) {
            Path dir = Path.of("src/main/java/dev/selftune", pkg);
            assertTrue(Files.isDirectory(dir), "run from the optimizer module: " + dir.toAbsolutePath());
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    for (String line : Files.readAllLines(f)) {
                        for (String p : PROPOSERS) {
                            assertTrue(!line.trim().startsWith("import " + p + ".") && !line.contains(p + "."),
                                    f + " refers to " + p + ": the judge must not depend on the proposing side (" + line.trim() + ")");
                        }
                    }
                }
            }
        }
        assertTrue(files > 10, "found only " + files + " judge sources");
    }
}
