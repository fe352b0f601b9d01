package dev.selftune.rank;

import dev.selftune.api.Step;
import dev.selftune.api.Variant;
import dev.selftune.generate.RankPolicy;
import dev.selftune.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rank package's side of the screening replay ({@code search/ScreeningReplay}): a stored model file's
 * examples of one target, each with the prediction a model of every other method's examples makes for it
 * (leave one out, as {@link Ranking#viewWithout} gives a held-out method), and a {@link Ranking} that ranks
 * by such predictions. An example is matched to a report's variant by its transform features, which name
 * every step and its parameters.
 */
public final class ReplayPriors {
    /** One example of the target: its leave-one-out prior and the log screening speedup it was measured at. */
    public record Row(double prior, double logSpeedup) { }

    private ReplayPriors() { }

    /** {@code target}'s examples in {@code modelFile} by {@link #key}, predicted by a model that never saw {@code target}'s method. */
    public static Map<String, Row> leaveOneOut(Path modelFile, String target) throws IOException {
        Map<String, Object> m = Json.parseObject(Files.readString(modelFile));
        List<Example> mine = new ArrayList<>();
        List<Example> others = new ArrayList<>();
        String method = method(target);
        for (Object o : (List<?>) m.get("examples")) {
            Map<?, ?> e = (Map<?, ?>) o;
            Map<String, Double> f = new HashMap<>();
            ((Map<?, ?>) e.get("features")).forEach((k, v) -> f.put((String) k, ((Number) v).doubleValue()));
            Example ex = new Example((String) e.get("id"), (String) e.get("target"), f, ((Number) e.get("logSpeedup")).doubleValue());
            (method(ex.target()).equals(method) ? mine : others).add(ex);
        }
        RankModel model = new RankModel(others);
        Map<String, Row> out = new HashMap<>();
        for (Example e : mine) {
            out.put(key(e.features()), new Row(model.predict(e.features()), e.logSpeedup()));
        }
        return out;
    }

    /** Class#name without the descriptor: an overload is the same method for leaving out (ModelStore.copyWithout). */
    private static String method(String target) {
        int p = target.indexOf('(');
        return p < 0 ? target : target.substring(0, p);
    }

    /** The transform features of {@code steps}, as {@link Features} writes them, as one string. */
    public static String key(List<Step> steps) {
        return key(Features.steps(steps));
    }

    private static String key(Map<String, Double> features) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(features).forEach((k, v) -> {
            if ((k.equals("steps") || k.startsWith("transform.")) && v != 0) {
                b.append(k).append('=').append(String.format("%.9f", v)).append(';');
            }
        });
        return b.toString();
    }

    /** A ranking that keeps nothing, ordered and cut by {@code priors}; it adapts as {@link Ranking#adapt} does. */
    public static Ranking ranking(RankPolicy policy) {
        return new Ranking(null, policy);
    }

    /** {@link Ranking#rank}: the selection by {@code priors}, remembered for adapting. */
    public static Selection rank(Ranking r, List<Variant> variants, Map<Variant, Double> priors, long seed) {
        return r.rank(variants, priors, seed);
    }
}
