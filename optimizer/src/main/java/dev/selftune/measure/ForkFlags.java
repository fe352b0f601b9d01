package dev.selftune.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JVM flags every JMH fork gets besides the caller's: a fixed heap, so forks of the same code agree, and
 * the JDK's sun.misc.Unsafe warnings kept out of its output.
 */
public final class ForkFlags {
    /*
     * JMH 1.37 pads its infrastructure classes and checks the padding with
     * sun.misc.Unsafe.objectFieldOffset (org.openjdk.jmh.util.Utils.check, from the static
     * initialisers of Blackhole, InfraControl, BenchmarkParams...). JDK 24+ warns on the first such
     * call (JEP 471/498: four "WARNING:" lines). The JVM's own, supported answer is
     * --sun-misc-unsafe-memory-access=allow, which exists from JDK 23 on (and is refused by older
     * launchers as an unknown option), so it is passed only to forks whose java is 23 or newer. The
     * version of another java binary is read from its JDK's `release` file (JAVA_VERSION), never by
     * starting it; when unknown the flag is left out.
     */
    static final String UNSAFE_ALLOW = "--sun-misc-unsafe-memory-access=allow";
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(1\\.)?(\\d+)");

    /*
     * Why a fixed heap. With the JVM's default heap (here: initial 1/64 of RAM, 380 MB, maximum 1/4,
     * 6 GB) a method that allocates on every call (a result array, a copy) was measured at speeds that
     * differed up to 23x between forks of the same bytes: commons-math's ebeMultiply forks ran at 38,
     * 45, 876, 627, 39 and 96 us/op; the transpose sample at 61-65 and 210. How fast a fork ran followed
     * G1: when the heap grows mid-fork, eden moves onto newly committed memory and every op pays the
     * first touch of its pages; with a large eden (-Xms4g) every fork paid it throughout, at 1,127-1,683
     * us/op. A fixed small heap bounds the memory a fork can ever touch, so the first touches are over
     * within warm-up: with a fixed 1 GB the same ebeMultiply forks ran at 31.3-32.5 us/op, transpose's at
     * 58-64. -XX:+AlwaysPreTouch on top cost 0.3 s per fork start and changed nothing more; a fixed young
     * generation alone (-Xmn64m) still left one fork in six 2.6x slower. (On machines where a page fault
     * costs 7-18 us the first touches are not over within warm-up: search/PreTouch adds the pre-touch per run.)
     * Why laid out like this JVM's default heap: the heap's size and place decide how compressed
     * references are encoded and how large G1's regions are, and both change the code and the costs a
     * method is measured with. A plain 1 GB heap sits under 4 GB and encodes references unscaled, where
     * the default 6 GB heap shifts them; EJML's jammed product ran 1.42x faster than the original with
     * the shift and 1.95x without (docs/libraries.md), so a smaller heap alone would flatter a variant
     * with a number no default JVM on this machine sees. The fork's 1 GB heap is therefore placed at
     * 8 GB when this JVM's own heap is larger than 4 GB (zero-based, shifted, as its own), and gets this
     * JVM's G1 region size (which decides which arrays are humongous); a JVM without compressed
     * references (a heap over 32 GB) gives forks without them. A caller who sets any heap size
     * (--fork-jvm-flags) gets exactly its own flags; a caller who picks another collector gets no region
     * size; a machine under 4 GB keeps the JVM's defaults.
     */
    /** The fixed heap every fork gets unless the caller sizes the heap itself. */
    public static final List<String> FIXED_HEAP = List.of("-Xms1g", "-Xmx1g");
    /** Flags that size the heap: any one of them leaves heap sizing to the caller. */
    private static final List<String> HEAP_SIZING = List.of("-Xms", "-Xmx", "-Xmn", "-XX:InitialHeapSize", "-XX:MaxHeapSize",
            "-XX:MinHeapSize", "-XX:NewSize", "-XX:MaxNewSize", "-XX:MaxRAM", "-XX:InitialRAMPercentage",
            "-XX:MaxRAMPercentage", "-XX:MinRAMPercentage", "-XX:InitialRAMFraction", "-XX:MaxRAMFraction", "-XX:MinRAMFraction",
            "-XX:HeapBaseMinAddress");
    private static final List<String> COLLECTORS = List.of("-XX:+UseSerialGC", "-XX:+UseParallelGC", "-XX:+UseZGC",
            "-XX:+UseShenandoahGC", "-XX:+UseEpsilonGC", "-XX:G1HeapRegionSize");
    private static final long GB = 1L << 30;
    private static final long FIXED_HEAP_NEEDS_RAM = 4 * GB;

    /** What this JVM's own heap looks like, for laying out the fork's fixed heap the same way. */
    record OwnHeap(long physicalMemory, long maxHeap, Boolean compressedOops, long g1RegionSize) {
        static OwnHeap ofThisJvm() {
            long ram = Long.MAX_VALUE;   // unknown: assumed big enough, as the JVM's own defaults assume
            long max = Runtime.getRuntime().maxMemory();
            Boolean oops = null;   // unknown until the bean says
            long region = 0;
            try {
                if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                        && os.getTotalMemorySize() > 0) {
                    ram = os.getTotalMemorySize();
                }
                com.sun.management.HotSpotDiagnosticMXBean hs =
                        java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
                if (hs != null) {
                    oops = Boolean.parseBoolean(hs.getVMOption("UseCompressedOops").getValue());
                    if (Boolean.parseBoolean(hs.getVMOption("UseG1GC").getValue())) {
                        region = Long.parseLong(hs.getVMOption("G1HeapRegionSize").getValue());
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                // a JVM without these beans: the fixed heap alone
            }
            return new OwnHeap(ram, max, oops, region);
        }
    }

    private ForkFlags() { }

    /** The flags a fork runs with for the caller's {@code jvmArgs}: a fixed heap laid out like this JVM's first, unless they size the heap. */
    public static List<String> forForks(List<String> jvmArgs) {
        return withFixedHeap(jvmArgs, OwnHeap.ofThisJvm());
    }

    static List<String> withFixedHeap(List<String> jvmArgs, OwnHeap own) {
        boolean sized = jvmArgs.stream().anyMatch(a -> HEAP_SIZING.stream().anyMatch(a::startsWith));
        if (sized || own.physicalMemory() < FIXED_HEAP_NEEDS_RAM) {
            return List.copyOf(jvmArgs);
        }
        List<String> out = new ArrayList<>(FIXED_HEAP);
        if (Boolean.TRUE.equals(own.compressedOops()) && own.maxHeap() > 4 * GB) {
            out.add("-XX:HeapBaseMinAddress=8g");
        } else if (Boolean.FALSE.equals(own.compressedOops()) && jvmArgs.stream().noneMatch(a -> a.endsWith("UseCompressedOops"))) {
            out.add("-XX:-UseCompressedOops");   // a heap over 32 GB (or a flag) turned them off: a 1 GB heap would turn them on
        }
        boolean otherCollector = jvmArgs.stream().anyMatch(a -> COLLECTORS.stream().anyMatch(a::startsWith));
        if (own.g1RegionSize() > 0 && !otherCollector) {
            out.add("-XX:G1HeapRegionSize=" + own.g1RegionSize());
        }
        out.addAll(jvmArgs);
        return List.copyOf(out);
    }

    /** {@code jvmArgs} with {@link #UNSAFE_ALLOW} in front when the fork's java is 23+ and the caller set no such option. */
    static List<String> quietUnsafe(String javaBinary, List<String> jvmArgs) {
        if (feature(javaBinary) < 23 || jvmArgs.stream().anyMatch(a -> a.startsWith("--sun-misc-unsafe-memory-access"))) {
            return jvmArgs;
        }
        List<String> out = new ArrayList<>();
        out.add(UNSAFE_ALLOW);
        out.addAll(jvmArgs);
        return List.copyOf(out);
    }

    /** The feature version (17, 25) of the JDK that {@code javaBinary} belongs to, or -1 when unknown. */
    static int feature(String javaBinary) {
        try {
            Path bin = Path.of(javaBinary).toAbsolutePath().normalize();
            Path own = Path.of(System.getProperty("java.home"), "bin", "java").toAbsolutePath().normalize();
            if (bin.equals(own) || bin.equals(Path.of(own + ".exe"))) {
                return Runtime.version().feature();
            }
            Path release = bin.getParent() == null || bin.getParent().getParent() == null ? null
                    : bin.getParent().getParent().resolve("release");
            if (release == null || !Files.isReadable(release)) {
                return -1;
            }
            Matcher m = JAVA_VERSION.matcher(Files.readString(release));
            return m.find() ? Integer.parseInt(m.group(2)) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
