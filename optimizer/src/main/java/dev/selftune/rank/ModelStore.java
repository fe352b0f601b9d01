package dev.selftune.rank;

import dev.selftune.api.Variant;
import dev.selftune.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The ranking model's training examples on disk, one file per measuring environment (JVM build,
 * CPU model, fork flags: {@code Measurer.environmentKey()}) under {@code <cache dir>/rank-models/}.
 * A file that cannot be read, is corrupt or belongs to another environment is reported and not
 * used (the run then screens everything), never fatal.
 */
final class ModelStore {
    static final String FORMAT = "selftune-rank-model-v1";
    /** The newest examples kept; older ones are dropped first (the JIT and the code drift). */
    static final int MAX_EXAMPLES = 3000;

    private final Path file;
    private final String environment;
    private final Consumer<String> warnings;

    ModelStore(Path cacheDir, String environment, Consumer<String> warnings) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        String h = Variant.sha256(environment.getBytes(StandardCharsets.UTF_8));
        this.file = cacheDir.resolve("rank-models").resolve(h.substring(0, 16) + ".json");
    }

    /*
     * The model's key is the measurer's environment without -XX:+AlwaysPreTouch. Pre-touch is chosen per
     * run by what the budget can afford (search/PreTouch): the same method gets it at 90 s and not at
     * 50 s, and one budget would otherwise split one machine's examples in two (on the eight-sample loo
     * run, the sort sample's model had only its own 14 examples, so with them left out it was not fitted
     * and sort screened every variant). Pre-touch moves a fork's first-touch cost, which the original and
     * a variant that allocates the same pay alike; the ratios the model predicts hardly move. The
     * measurement cache keeps the full key: there the scores themselves are reused.
     */
    /** The environment a ranking model is kept under: the measurer's key less the pre-touch flags (2 MB pages included). */
    static String modelEnvironment(String measurerEnvironment) {
        String s = measurerEnvironment;
        for (String flag : new String[] {"-XX:+AlwaysPreTouch", dev.selftune.measure.FirstTouch.HUGE_PAGES}) {
            s = s.replace(" " + flag, "").replace(flag + " ", "").replace(flag, "");
        }
        return s.strip();
    }

    Path file() {
        return file;
    }

    /** The stored examples, oldest first; empty (with a warning) when the file is unusable. */
    List<Example> load() {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            warn("cannot be read (" + e.getMessage() + ")");
            return List.of();
        }
        try {
            Map<String, Object> m = Json.parseObject(text);
            if (!FORMAT.equals(m.get("format"))) {
                warn("has format " + m.get("format") + ", not " + FORMAT);
                return List.of();
            }
            if (!environment.equals(m.get("environment"))) {
                warn("was learned on another JVM, CPU or fork flags (" + m.get("environment") + "), not this one ("
                        + environment + ")");
                return List.of();
            }
            List<Example> out = new ArrayList<>();
            for (Object o : (List<?>) m.get("examples")) {
                out.add(example((Map<?, ?>) o));
            }
            return out;
        } catch (RuntimeException e) {
            warn("is corrupt (" + e + ")");
            return List.of();
        }
    }

    /** Replaces the stored examples with {@code examples} (the newest {@link #MAX_EXAMPLES}); a failed write is reported. */
    void save(List<Example> examples) {
        List<Example> kept = examples.subList(Math.max(0, examples.size() - MAX_EXAMPLES), examples.size());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("environment", environment);
        List<Object> list = new ArrayList<>();
        for (Example e : kept) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", e.id());
            o.put("target", e.target());
            o.put("logSpeedup", e.logSpeedup());
            Map<String, Object> f = new LinkedHashMap<>();
            e.features().forEach((k, v) -> {
                if (v != 0) {
                    f.put(k, v);   // an absent feature reads as 0: this keeps the file small
                }
            });
            o.put("features", f);
            list.add(o);
        }
        m.put("examples", list);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, Json.write(m) + "\n");
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ex) {
            warnings.accept("[selftune] ranking model " + file + " cannot be written (" + ex.getMessage()
                    + "): this run's screening results are not kept for ranking");
        }
    }

    /**
     * Writes under {@code toCacheDir} a copy of every model under {@code fromCacheDir} without the
     * examples whose target is one of {@code methods} ({@code Class#name}, any descriptor: an overload is
     * left out too), replacing whatever models were there; returns how many examples were left out. A
     * model file that cannot be read is left out whole (the view then has no model for that JVM).
     */
    static int copyWithout(Path fromCacheDir, Path toCacheDir, java.util.Collection<String> methods) throws IOException {
        java.util.Set<String> names = new java.util.HashSet<>();
        methods.forEach(m -> names.add(m.replaceFirst("\\(.*", "")));
        Path to = toCacheDir.resolve("rank-models");
        Files.createDirectories(to);
        try (java.util.stream.Stream<Path> old = Files.list(to)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Path from = fromCacheDir.resolve("rank-models");
        if (!Files.isDirectory(from)) {
            return 0;
        }
        int left = 0;
        try (java.util.stream.Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".json"))::iterator) {
                Map<String, Object> m;
                try {
                    m = Json.parseObject(Files.readString(f));
                } catch (RuntimeException e) {
                    continue;
                }
                List<Object> kept = new ArrayList<>();
                for (Object o : (List<?>) m.getOrDefault("examples", List.of())) {
                    Object target = o instanceof Map<?, ?> e ? e.get("target") : null;
                    if (target instanceof String t && names.contains(t.replaceFirst("\\(.*", ""))) {
                        left++;
                    } else {
                        kept.add(o);
                    }
                }
                m.put("examples", kept);
                Files.writeString(to.resolve(f.getFileName()), Json.write(m) + "\n");
            }
        }
        return left;
    }

    private void warn(String what) {
        warnings.accept("[selftune] ranking model " + file + " " + what
                + ": ignored, every variant is screened (delete the file to start a new model)");
    }

    /* One stored example from its JSON object (also read by the screening replay's ReplayPriors, test sources). */
    static Example example(Map<?, ?> o) {
        Map<String, Double> f = new LinkedHashMap<>();
        Map<?, ?> fs = (Map<?, ?>) Objects.requireNonNull(o.get("features"), "features");
        fs.forEach((k, v) -> f.put((String) k, ((Number) Objects.requireNonNull(v, "feature " + k)).doubleValue()));
        return new Example((String) o.get("id"), (String) o.get("target"), f,
                ((Number) Objects.requireNonNull(o.get("logSpeedup"), "logSpeedup")).doubleValue());
    }
}
