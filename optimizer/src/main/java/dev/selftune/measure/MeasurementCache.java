package dev.selftune.measure;

import dev.selftune.api.Measurement;
import dev.selftune.api.Variant;
import dev.selftune.util.Json;
import java.io.IOException;
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
 * Screening measurements on disk, one JSON file per {@link MeasurementKey}, each holding every
 * measurement taken under that key in the order taken (each one independent forks). A file that
 * cannot be read or parsed is reported and treated as absent, never fatal.
 */
public final class MeasurementCache {
    /** System property that overrides {@link #defaultDirectory()} (tests, CI). */
    public static final String DIR_PROPERTY = "selftune.cache.dir";

    /**
     * One stored measurement, the per-fork CPU shares that came with it (NaN when unknown) and the wall
     * seconds its forks took when they ran (NaN when unknown: entries written before 2026-12-02).
     */
    public record Entry(Measurement measurement, double[] cpuShares, double wallSeconds) {
        public Entry {
            Objects.requireNonNull(measurement, "measurement");
            cpuShares = cpuShares.clone();
        }

        public Entry(Measurement measurement, double[] cpuShares) {
            this(measurement, cpuShares, Double.NaN);
        }
    }

    private final Path dir;
    private final Consumer<String> warnings;

    /** A cache under {@code dir} that reports corrupt entries on standard error. */
    public MeasurementCache(Path dir) {
        this(dir, w -> System.err.println(w));
    }

    public MeasurementCache(Path dir, Consumer<String> warnings) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /**
     * {@code -Dselftune.cache.dir} if set, else {@code $XDG_CACHE_HOME/selftune}, else
     * {@code ~/.cache/selftune}; measurements go in its {@code measurements} folder.
     */
    public static Path defaultDirectory() {
        String prop = System.getProperty(DIR_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("selftune");
    }

    public Path directory() {
        return dir;
    }

    /** Every measurement stored under {@code key}, oldest first; empty when none or the entry is unreadable. */
    public List<Entry> load(String key) {
        return load(key, warnings);
    }

    private List<Entry> load(String key, Consumer<String> warn) {
        Path file = fileOf(key);
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            warn(warn, file, "cannot be read (" + e.getMessage() + ")");
            return List.of();
        }
        try {
            Map<String, Object> m = Json.parseObject(text);
            if (!key.equals(m.get("key"))) {
                warn(warn, file, "holds another key (a hash collision or a hand edit)");
                return List.of();
            }
            List<Entry> out = new ArrayList<>();
            for (Object o : (List<?>) m.get("measurements")) {
                out.add(entry((Map<?, ?>) o));
            }
            return out;
        } catch (RuntimeException e) {
            warn(warn, file, "is corrupt (" + e + ")");
            return List.of();
        }
    }

    /** Adds {@code e} after the measurements already stored under {@code key}; a failed write is reported, not thrown. */
    public void append(String key, Entry e) {
        List<Entry> all = new ArrayList<>(load(key, w -> { }));   // a corrupt entry was reported when read; it is replaced
        all.add(e);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        List<Object> list = new ArrayList<>();
        for (Entry x : all) {
            list.add(json(x));
        }
        m.put("measurements", list);
        Path file = fileOf(key);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, Json.write(m, 1) + "\n");
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ex) {
            warn(warnings, file, "cannot be written (" + ex.getMessage() + "); the measurement is used but not kept");
        }
    }

    /** The file that holds {@code key}: {@code measurements/<2 hex>/<sha-256 of the key>.json}. */
    Path fileOf(String key) {
        String h = Variant.sha256(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return dir.resolve("measurements").resolve(h.substring(0, 2)).resolve(h + ".json");
    }

    private static void warn(Consumer<String> warnings, Path file, String what) {
        warnings.accept("[selftune] measurement cache entry " + file + " " + what
                + ": ignored, the variant is measured afresh (delete the file to silence this)");
    }

    private static Map<String, Object> json(Entry e) {
        Measurement m = e.measurement();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("score", m.score());
        o.put("error", m.error());
        o.put("unit", m.unit());
        o.put("forks", m.forks());
        o.put("iterations", m.iterations());
        o.put("forkScores", doubles(m.forkScores()));
        o.put("cpuShares", doubles(e.cpuShares()));
        o.put("wallSeconds", e.wallSeconds());   // Json writes NaN as null
        return o;
    }

    private static List<Double> doubles(double[] a) {
        List<Double> out = new ArrayList<>();
        for (double d : a) {
            out.add(d);   // Json writes NaN as null
        }
        return out;
    }

    private static Entry entry(Map<?, ?> o) {
        Measurement m = new Measurement(number(o.get("score")), number(o.get("error")), (String) Objects.requireNonNull(o.get("unit"), "unit"),
                (int) number(o.get("forks")), (int) number(o.get("iterations")), array(o.get("forkScores")));
        double[] shares = array(o.get("cpuShares"));
        if (m.forkScores().length != m.forks()) {
            throw new IllegalArgumentException("forkScores must hold one value per fork (" + m.forks() + ")");
        }
        double wall = number(o.get("wallSeconds"));
        return new Entry(m, shares, wall >= 0 ? wall : Double.NaN);
    }

    private static double number(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

    private static double[] array(Object o) {
        List<?> l = (List<?>) Objects.requireNonNull(o, "array");
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(l.get(i));
        }
        return out;
    }
}
