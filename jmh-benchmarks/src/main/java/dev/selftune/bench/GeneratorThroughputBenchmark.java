package dev.selftune.bench;

import dev.selftune.api.TuneRequest;
import dev.selftune.search.Proposals;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * selftune's own speed: variants generated and verified per second on a fixed set of sample
 * targets (issue 7 §4, "selftune on selftune" needs this before and after). One operation is the
 * whole set: every target loaded, its variants generated under the default policy and each one
 * verified differentially against the original; JMH itself is not involved inside the operation.
 * The primary score is sets per second; the {@code variants} counter is the throughput asked for,
 * variants generated and verified per second ({@code passed}: of them, those that passed).
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar GeneratorThroughputBenchmark}; before and after
 * self-tuning: {@code TUNED=<out>/self-tuned scripts/generator-throughput.sh} (the "after" forks run with the
 * winners first on the class path and {@code -Dselftune.selfTuned}, which {@link SelfTunedClasses#check} verifies).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 30)
@Measurement(iterations = 3, time = 30)
@Fork(2)
public class GeneratorThroughputBenchmark {
    /** The fixed targets: loop nests, reductions (one with FP reassociation), a sort with cut-offs, a hash. */
    static final String[][] TARGETS = {
        {"dev.selftune.samples.MatrixMultiply#multiply", ""},
        {"dev.selftune.samples.Transpose#transpose", ""},
        {"dev.selftune.samples.Statistics#variance", "1e-9"},
        {"dev.selftune.samples.Statistics#sumOfSquares", ""},
        {"dev.selftune.samples.PolynomialHash#hash([B)I", ""},
        {"dev.selftune.samples.Sorting#sort", ""},
        {"dev.selftune.samples.EditDistance#distance", ""},
    };
    /** Small sizes, so that one set takes about a second and generation is not drowned by big rows. */
    static final int[] SIZES = {16, 64, 256};

    private List<TuneRequest> requests;

    /** Variants generated and verified in the operations of an iteration; JMH reports them per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counts {
        public long variants;
        public long passed;

        @Setup(Level.Iteration)
        public void clear() {
            variants = 0;
            passed = 0;
        }
    }

    @Setup
    public void setUp() throws IOException {
        SelfTunedClasses.check();
        Path classes = samplesClassPath();
        requests = new ArrayList<>();
        for (String[] t : TARGETS) {
            TuneRequest.Builder b = TuneRequest.builder().classpathEntry(classes).target(t[0]).sizes(SIZES)
                    .budget(Duration.ofSeconds(60)).seed(1);
            if (!t[1].isEmpty()) {
                b.allowFpReassociation(Double.parseDouble(t[1]));
            }
            requests.add(b.build());
        }
    }

    @Benchmark
    public int generateAndVerify(Counts counts) {
        int passed = 0;
        for (TuneRequest r : requests) {
            Proposals.Count c = Proposals.run(r);
            counts.variants += c.generated();
            counts.passed += c.passed();
            passed += c.passed();
        }
        return passed;
    }

    /**
     * A directory holding only the samples' classes. On the benchmarks jar they share a code source
     * with selftune's own classes, which selftune refuses to tune; copied apart, they are a user's.
     */
    static Path samplesClassPath() throws IOException {
        Path dir = Files.createTempDirectory("selftune-bench-samples");
        Path source;
        try {
            source = Path.of(dev.selftune.samples.MatrixMultiply.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        String prefix = "dev/selftune/samples/";
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source.resolve(prefix))) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    Path to = dir.resolve(source.relativize(f).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to);
                }
            }
            return dir;
        }
        try (JarFile jar = new JarFile(source.toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                if (e.getName().startsWith(prefix) && e.getName().endsWith(".class")) {
                    Path to = dir.resolve(e.getName());
                    Files.createDirectories(to.getParent());
                    try (InputStream in = jar.getInputStream(e)) {
                        Files.copy(in, to);
                    }
                }
            }
        }
        return dir;
    }
}
