package dev.selftune.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static final long GB = 1L << 30;
    /** This machine's default JVM: 24 GB of RAM, a 6 GB heap with compressed oops, G1 with 4 MB regions. */
    private static final ForkFlags.OwnHeap BIG = new ForkFlags.OwnHeap(24 * GB, 6 * GB, true, 4L << 20);

    @Test
    void withFixedHeap_noHeapFlags_fixedHeapLaidOutLikeThisJvmsFirst() {
        assertEquals(List.of("-Xms1g", "-Xmx1g", "-XX:HeapBaseMinAddress=8g", "-XX:G1HeapRegionSize=4194304", "-XX:UseAVX=2"),
                ForkFlags.withFixedHeap(List.of("-XX:UseAVX=2"), BIG));
    }

    @Test
    void withFixedHeap_ownHeapUnder4g_staysUnscaledAndUnplaced() {
        assertEquals(List.of("-Xms1g", "-Xmx1g", "-XX:G1HeapRegionSize=1048576"),
                ForkFlags.withFixedHeap(List.of(), new ForkFlags.OwnHeap(8 * GB, 2 * GB, true, 1L << 20)));
        assertEquals(ForkFlags.FIXED_HEAP, ForkFlags.withFixedHeap(List.of(), new ForkFlags.OwnHeap(Long.MAX_VALUE, 6 * GB, null, 0)),
                "compressed oops unknown (no bean), not G1: the fixed heap alone");
    }

    @Test
    void withFixedHeap_ownJvmWithoutCompressedOops_forksWithoutThem() {
        assertEquals(List.of("-Xms1g", "-Xmx1g", "-XX:-UseCompressedOops", "-XX:G1HeapRegionSize=16777216"),
                ForkFlags.withFixedHeap(List.of(), new ForkFlags.OwnHeap(128 * GB, 40 * GB, false, 16L << 20)));
        assertEquals(List.of("-Xms1g", "-Xmx1g", "-XX:G1HeapRegionSize=16777216", "-XX:+UseCompressedOops"),
                ForkFlags.withFixedHeap(List.of("-XX:+UseCompressedOops"), new ForkFlags.OwnHeap(128 * GB, 40 * GB, false, 16L << 20)),
                "the caller's own oops flag stands");
    }

    @Test
    void withFixedHeap_callerPicksAnotherCollector_getsNoRegionSize() {
        assertEquals(List.of("-Xms1g", "-Xmx1g", "-XX:HeapBaseMinAddress=8g", "-XX:+UseParallelGC"),
                ForkFlags.withFixedHeap(List.of("-XX:+UseParallelGC"), BIG));
    }

    @Test
    void withFixedHeap_callerSizesTheHeapAnyWay_keepsExactlyTheCallersFlags() {
        for (String sizing : List.of("-Xmx8g", "-Xms2g", "-Xmn256m", "-XX:MaxRAMPercentage=50", "-XX:MaxHeapSize=4294967296",
                "-XX:InitialHeapSize=1073741824", "-XX:MaxRAM=16g", "-XX:NewSize=64m", "-XX:HeapBaseMinAddress=32g")) {
            assertEquals(List.of("-XX:+UseParallelGC", sizing), ForkFlags.withFixedHeap(List.of("-XX:+UseParallelGC", sizing), BIG),
                    sizing);
        }
    }

    @Test
    void withFixedHeap_smallMachine_keepsTheJvmDefault() {
        assertEquals(List.of(), ForkFlags.withFixedHeap(List.of(), new ForkFlags.OwnHeap(2 * GB, GB / 2, true, 1L << 20)));
    }

    @Test
    void forForks_thisJvm_startsWithTheFixedHeap() {
        org.junit.jupiter.api.Assumptions.assumeTrue(ForkFlags.OwnHeap.ofThisJvm().physicalMemory() >= 4 * GB);
        assertEquals(ForkFlags.FIXED_HEAP, ForkFlags.forForks(List.of()).subList(0, 2));
    }

    @Test
    void jmhMeasurer_environmentKey_namesTheHeapTheForksRunWith() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String key = new JmhMeasurer(java, List.of("-XX:UseAVX=2"), dir).environmentKey();
        assertTrue(key.endsWith(" | " + String.join(" ", ForkFlags.forForks(List.of("-XX:UseAVX=2")))), key);
        String own = new JmhMeasurer(java, List.of("-Xmx8g"), dir).environmentKey();
        assertTrue(own.endsWith(" | -Xmx8g"), own);
    }
}
