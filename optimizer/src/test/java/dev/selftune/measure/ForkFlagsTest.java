package dev.selftune.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkFlagsTest {
    @TempDir
    Path dir;

    private String jdk(String release) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("jdk-" + release.hashCode()).resolve("bin"));
        Files.writeString(bin.getParent().resolve("release"), release);
        return bin.resolve("java").toString();
    }

    @Test
    void quietUnsafe_fork25_putsTheJvmOptionFirst() throws Exception {
        String java25 = jdk("IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n");
        assertEquals(25, ForkFlags.feature(java25));
        assertEquals(List.of(ForkFlags.UNSAFE_ALLOW, "-XX:UseAVX=2"), ForkFlags.quietUnsafe(java25, List.of("-XX:UseAVX=2")));
    }

    @Test
    void quietUnsafe_olderUnknownOrUserChosen_leavesTheArgsAlone() throws Exception {
        String java17 = jdk("JAVA_VERSION=\"17.0.12\"\n");
        String java8 = jdk("JAVA_VERSION=\"1.8.0_402\"\n");
        assertEquals(8, ForkFlags.feature(java8));
        assertEquals(List.of("-Xmx1g"), ForkFlags.quietUnsafe(java17, List.of("-Xmx1g")));
        assertEquals(List.of(), ForkFlags.quietUnsafe(dir.resolve("nowhere/bin/java").toString(), List.of()));
        String java25 = jdk("JAVA_VERSION=\"25\"\n");
        assertEquals(List.of("--sun-misc-unsafe-memory-access=warn"),
                ForkFlags.quietUnsafe(java25, List.of("--sun-misc-unsafe-memory-access=warn")));
    }

    @Test
    void feature_ownJavaBinary_isThisRuntime() {
        assertEquals(Runtime.version().feature(),
                ForkFlags.feature(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    }
}
