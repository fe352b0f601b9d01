package dev.selftune.search;

import dev.selftune.api.TuneException;
import dev.selftune.generate.Policy;
import dev.selftune.generate.RankPolicy;
import dev.selftune.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Saves and loads a {@link Policy} as JSON, so the meta loop can propose policies and a user can pin one.
 * A key left out takes its default; a key, transform or range the generator does not know is an error.
 */
public final class PolicyFile {
    /** Every key a policy file may hold, in the order {@link #save} writes them. */
    static final List<String> KEYS = List.of("transforms", "ranges", "maxDepth", "maxVariants", "screenForks",
            "keepFraction", "maxCopiedInsns", "maxUnrollFactor", "maxSplitAccumulators",
            "constantSmallest", "constantMax", "order", "lukewarmShare", "lineageOrder", "rankModel", "rankFraction", "rankMinMeasured", "rankExplore",
            "rankAdapt", "rankExtend", "rankFinalists");

    private PolicyFile() { }

    public static void save(Policy p, Path file) throws IOException {
        Files.writeString(file, Json.write(toMap(p), 2) + "\n");
    }

    /** The policy as the JSON object {@link #save} writes. */
    public static Map<String, Object> toMap(Policy p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transforms", p.transforms());
        m.put("ranges", new TreeMap<>(p.ranges()));
        m.put("maxDepth", p.maxDepth());
        m.put("maxVariants", p.maxVariants());
        m.put("screenForks", p.screenForks());
        m.put("keepFraction", p.keepFraction());
        m.put("maxCopiedInsns", p.maxCopiedInsns());
        m.put("maxUnrollFactor", p.maxUnrollFactor());
        m.put("maxSplitAccumulators", p.maxSplitAccumulators());
        m.put("constantSmallest", p.constantSmallest());
        m.put("constantMax", p.constantMax());
        m.put("order", p.order().key());
        m.put("lukewarmShare", p.lukewarmShare());
        m.put("lineageOrder", p.lineageOrder());
        m.put("rankModel", p.rank().rankModel());
        m.put("rankFraction", p.rank().rankFraction());
        m.put("rankMinMeasured", p.rank().rankMinMeasured());
        m.put("rankExplore", p.rank().rankExplore());
        m.put("rankAdapt", p.rank().rankAdapt());
        m.put("rankExtend", p.rank().rankExtend());
        m.put("rankFinalists", p.rank().rankFinalists());
        return m;
    }

    public static Policy load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new TuneException(file.toString(), "policy file " + file + " cannot be read: " + e.getMessage());
        }
        try {
            return fromMap(Json.parseObject(text));
        } catch (RuntimeException e) {
            throw new TuneException(file.toString(), "policy file " + file + " is not a valid policy ("
                    + e.getMessage() + "): fix it or leave out --policy to use the defaults");
        }
    }

    /** The policy a JSON object describes; throws IllegalArgumentException naming the first bad key. */
    static Policy fromMap(Map<String, Object> m) {
        for (String k : m.keySet()) {
            if (k.equals("confirmPairs")) {
                throw new IllegalArgumentException("'confirmPairs' is not a policy knob: how many fork pairs confirm a "
                        + "variant is the judge's rule (the sequential test in measure), which a policy cannot change; remove the key");
            }
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown key '" + k + "': known keys are " + String.join(", ", KEYS));
            }
        }
        Policy d = Policy.defaults();
        List<String> transforms = m.containsKey("transforms") ? strings(m.get("transforms")) : d.transforms();
        Map<String, List<Integer>> ranges = new LinkedHashMap<>(d.ranges());
        if (m.containsKey("ranges")) {
            if (!(m.get("ranges") instanceof Map<?, ?> r)) {
                throw new IllegalArgumentException("'ranges' must be an object of lists of whole numbers, like {\"unroll.factor\": [4, 8]}");
            }
            for (Map.Entry<?, ?> e : r.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!Policy.RANGE_KEYS.contains(key)) {
                    throw new IllegalArgumentException("unknown range '" + key + "': known ranges are "
                            + String.join(", ", Policy.RANGE_KEYS));
                }
                ranges.put(key, ints("ranges." + key, e.getValue()));
            }
        }
        String order = m.containsKey("order") ? String.valueOf(m.get("order")) : d.order().key();
        return new Policy(transforms, ranges,
                intOr(m, "maxDepth", d.maxDepth()), intOr(m, "maxVariants", d.maxVariants()),
                intOr(m, "screenForks", d.screenForks()),
                m.containsKey("keepFraction") ? number(m, "keepFraction") : d.keepFraction(),
                intOr(m, "maxCopiedInsns", d.maxCopiedInsns()), intOr(m, "maxUnrollFactor", d.maxUnrollFactor()),
                intOr(m, "maxSplitAccumulators", d.maxSplitAccumulators()),
                intOr(m, "constantSmallest", d.constantSmallest()), intOr(m, "constantMax", d.constantMax()),
                Policy.Order.of(order), rank(m, d.rank()),
                m.containsKey("lukewarmShare") ? number(m, "lukewarmShare") : d.lukewarmShare(),
                bool(m, "lineageOrder", d.lineageOrder()));
    }

    private static RankPolicy rank(Map<String, Object> m, RankPolicy d) {
        return new RankPolicy(bool(m, "rankModel", d.rankModel()), m.containsKey("rankFraction") ? number(m, "rankFraction") : d.rankFraction(),
                intOr(m, "rankMinMeasured", d.rankMinMeasured()), intOr(m, "rankExplore", d.rankExplore()),
                bool(m, "rankAdapt", d.rankAdapt()), intOr(m, "rankExtend", d.rankExtend()),
                intOr(m, "rankFinalists", d.rankFinalists()));
    }

    private static boolean bool(Map<String, Object> m, String key, boolean fallback) {
        if (!m.containsKey(key)) {
            return fallback;
        }
        if (!(m.get(key) instanceof Boolean b)) {
            throw new IllegalArgumentException("'" + key + "' must be true or false, got " + m.get(key));
        }
        return b;
    }

    private static List<String> strings(Object o) {
        if (!(o instanceof List<?> l) || !l.stream().allMatch(x -> x instanceof String)) {
            throw new IllegalArgumentException("'transforms' must be a list of transform names, like [\"unroll\", \"hoist\"]");
        }
        List<String> out = new ArrayList<>();
        l.forEach(x -> out.add((String) x));
        return out;
    }

    private static List<Integer> ints(String key, Object o) {
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException("'" + key + "' must be a list of whole numbers, like [4, 8]");
        }
        List<Integer> out = new ArrayList<>();
        for (Object x : l) {
            if (!(x instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new IllegalArgumentException("'" + key + "' holds " + x + ", not a whole number");
            }
            out.add(n.intValue());
        }
        return out;
    }

    private static double number(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Number n)) {
            throw new IllegalArgumentException("'" + key + "' must be a number, got " + m.get(key));
        }
        return n.doubleValue();
    }

    private static int intOr(Map<String, Object> m, String key, int fallback) {
        if (!m.containsKey(key)) {
            return fallback;
        }
        double v = number(m, key);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number, got " + m.get(key));
        }
        return (int) v;
    }
}
