package dev.selftune.rank;

import dev.selftune.api.Step;
import dev.selftune.api.Variant;
import dev.selftune.generate.RankPolicy;
import dev.selftune.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
        return leaveOneOut(modelFile, List.of(), target, Integer.MAX_VALUE, new Random(1));
    }

    /**
     * As {@link #leaveOneOut(Path, String)}, with the examples of {@code history} (other stored model files of the
     * same JVM and CPU: the history of other tunings on this machine) learned from too, and the model learning
     * from at most {@code methods} other methods, drawn by {@code random} (a learning curve: how the priors do
     * with less history). No example of {@code target}'s own method is learned from, whichever file holds it.
     */
    public static Map<String, Row> leaveOneOut(Path modelFile, List<Path> history, String target, int methods, Random random)
            throws IOException {
        List<Example> mine = new ArrayList<>();
        Map<String, List<Example>> others = new TreeMap<>();
        String method = method(target);
        String environment = null;
        List<Path> files = new ArrayList<>();
        files.add(modelFile);
        files.addAll(history);
        for (Path file : files) {
            Map<String, Object> m = Json.parseObject(Files.readString(file));
            String env = String.valueOf(m.get("environment"));
            if (environment == null) {
                environment = env;
            } else if (!environment.equals(env)) {
                throw new IllegalArgumentException(file + " was measured on another JVM or CPU (" + env + ") than " + modelFile
                        + " (" + environment + "): history must come from the same machine and JVM");
            }
            for (Object o : (List<?>) m.get("examples")) {
                Example ex = ModelStore.example((Map<?, ?>) o);
                if (method(ex.target()).equals(method)) {
                    if (file.equals(modelFile)) {
                        mine.add(ex);
                    }
                } else {
                    others.computeIfAbsent(method(ex.target()), k -> new ArrayList<>()).add(ex);
                }
            }
        }
        List<String> names = new ArrayList<>(others.keySet());
        Collections.shuffle(names, random);
        List<Example> learned = new ArrayList<>();
        names.stream().limit(methods).forEach(n -> learned.addAll(others.get(n)));
        RankModel model = new RankModel(learned);
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
