package dev.selftune.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JVM flags every JMH fork gets besides the caller's: keeps the JDK's sun.misc.Unsafe warnings out of its output. */
final class ForkFlags {
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

    private ForkFlags() { }

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
