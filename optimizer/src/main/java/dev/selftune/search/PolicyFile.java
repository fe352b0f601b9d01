package dev.selftune.search;

import dev.selftune.api.TuneException;
import dev.selftune.generate.Policy;
import dev.selftune.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Saves and loads a {@link Policy} as JSON, so the meta loop can propose policies and a user can pin one. */
public final class PolicyFile {
    private PolicyFile() { }

    public static void save(Policy p, Path file) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transforms", p.transforms());
        m.put("ranges", new java.util.TreeMap<>(p.ranges()));
        m.put("maxDepth", p.maxDepth());
        m.put("maxVariants", p.maxVariants());
        m.put("screenForks", p.screenForks());
        m.put("keepFraction", p.keepFraction());
        m.put("confirmPairs", p.confirmPairs());
        Files.writeString(file, Json.write(m, 2) + "\n");
    }

    @SuppressWarnings("unchecked")
    public static Policy load(Path file) {
        try {
            Map<String, Object> m = Json.parseObject(Files.readString(file));
            Policy d = Policy.defaults();
            List<String> transforms = m.containsKey("transforms") ? (List<String>) m.get("transforms") : d.transforms();
            Map<String, List<Integer>> ranges = new LinkedHashMap<>(d.ranges());
            if (m.get("ranges") instanceof Map<?, ?> r) {
                for (Map.Entry<?, ?> e : r.entrySet()) {
                    List<Integer> values = new ArrayList<>();
                    for (Object o : (List<Object>) e.getValue()) {
                        values.add(((Number) o).intValue());
                    }
                    ranges.put((String) e.getKey(), values);
                }
            }
            return new Policy(transforms, ranges,
                    intOr(m, "maxDepth", d.maxDepth()), intOr(m, "maxVariants", d.maxVariants()),
                    intOr(m, "screenForks", d.screenForks()),
                    m.get("keepFraction") instanceof Number n ? n.doubleValue() : d.keepFraction(),
                    intOr(m, "confirmPairs", d.confirmPairs()));
        } catch (IOException e) {
            throw new TuneException(file.toString(), "policy file " + file + " cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new TuneException(file.toString(), "policy file " + file + " is not a valid policy ("
                    + e.getMessage() + "): fix it or leave out --policy to use the defaults");
        }
    }

    private static int intOr(Map<String, Object> m, String key, int fallback) {
        return m.get(key) instanceof Number n ? n.intValue() : fallback;
    }
}
