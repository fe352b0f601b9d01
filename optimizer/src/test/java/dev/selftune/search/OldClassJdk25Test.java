package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OldClassCheck} in a child JVM on JDK 25 where installed (this JVM runs the same checks in OldClassPipelineTest). */
class OldClassJdk25Test {
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @TempDir
    Path dir;

    @Test
    void pipeline_oldClassFilesOnJdk25_variantsVerifyLoadAndBehave() throws Exception {
        assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "JDK 25 not installed at " + JDK25);
        Process p = new ProcessBuilder(List.of(JDK25.resolve("bin/java").toString(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), OldClassCheck.class.getName(), dir.toString()))
                .redirectErrorStream(true).start();
        boolean done = p.waitFor(180, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done, "child JVM timed out: " + out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("OLD CLASSES OK 25 "), out);
    }
}
