package dev.selftune.search;

import dev.selftune.api.Basis;
import dev.selftune.api.Measurement;
import dev.selftune.api.Progress;
import dev.selftune.api.Step;
import dev.selftune.api.Variant;
import dev.selftune.api.Verdict;
import dev.selftune.generate.Policy;
import dev.selftune.generate.RankPolicy;
import dev.selftune.inputs.InputSource;
import dev.selftune.measure.BenchSpec;
import dev.selftune.measure.ForkPlan;
import dev.selftune.measure.Measurer;
import dev.selftune.measure.PairSource;
import dev.selftune.rank.ReplayPriors;
import dev.selftune.rank.Ranking;
import dev.selftune.rank.Selection;
import dev.selftune.util.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Replays the ranking model's screening over a model-off pass in which every variant was screened
 * ({@code scripts/rank-model.sh}'s {@code off/}): each variant's screening result is the one it had there,
 * its prior is the prediction of the pass's model with the method's own examples left out (a method never
 * seen), and the real {@link Race} (cut, explorers, going on past the cut, successive halving) with the real
 * {@link Ranking#adapt} decides what is screened. Prints, per sample, the screening forks and the best
 * screened against the best of all; at the end the totals and the geometric mean of best found / best of all.
 * A tool for comparing screening rules offline (seconds instead of a 40-minute run), not a test: the
 * measured run is the test.
 *
 * <pre>
 *   java -cp &lt;test classpath&gt; dev.selftune.search.ScreeningReplay &lt;rank-out&gt;/off &lt;rank-out&gt;/off-cache/rank-models/&lt;model&gt;.json
 * </pre>
 * System properties {@code fraction}, {@code min}, {@code explore}, {@code extend}, {@code adapt}, {@code seed}
 * set the ranking knobs (defaults: the policy's) and the seed (1); {@code history} (model files, comma-separated)
 * adds other tunings' examples to what the priors learn from, and {@code methods} caps the other methods they
 * learn from, drawn anew per sample and replay (a learning curve).
 */
public final class ScreeningReplay {
    private ScreeningReplay() { }

    /** One sample's replay: forks screened and the best screening speedup found, of all, and the race's pick. */
    record Outcome(String name, int forks, int offForks, int screened, double found, double best, double pickedSpeedup,
                   String picked) { }

    public static void main(String[] args) throws Exception {
        Path off = Path.of(args[0]);
        Path model = Path.of(args[1]);
        RankPolicy d = Policy.defaults().rank();
        RankPolicy rp = new RankPolicy(true, Double.parseDouble(System.getProperty("fraction", "" + d.rankFraction())),
                Integer.getInteger("min", d.rankMinMeasured()), Integer.getInteger("explore", d.rankExplore()),
                Boolean.parseBoolean(System.getProperty("adapt", "" + d.rankAdapt())), Integer.getInteger("extend", d.rankExtend()),
                Integer.getInteger("finalists", d.rankFinalists()));
        long seed = Long.getLong("seed", 1);
        int reps = Integer.getInteger("reps", 1);
        double noise = Double.parseDouble(System.getProperty("noise", "0"));
        List<Path> history = System.getProperty("history", "").isBlank() ? List.of()
                : Stream.of(System.getProperty("history").split(",")).map(String::trim).map(Path::of).toList();
        int methods = Integer.getInteger("methods", Integer.MAX_VALUE);
        List<Path> dirs;
        try (Stream<Path> s = Files.list(off)) {
            dirs = s.filter(p -> Files.exists(p.resolve("report.json"))).sorted().toList();
        }
        double sumRatio = 0;
        double sumLoss = 0;
        double sumPickLoss = 0;
        for (int rep = 0; rep < reps; rep++) {
            List<Outcome> all = new ArrayList<>();
            for (Path dir : dirs) {
                java.util.Random random = new java.util.Random(31 * (seed + rep) + dir.getFileName().toString().hashCode());
                Outcome o = replay(dir.getFileName().toString(), dir.resolve("report.json"), model, history, methods, rp,
                        seed + rep, random, noise);
                if (o != null) {
                    all.add(o);
                    if (reps == 1 || Boolean.getBoolean("verbose")) {
                        System.out.printf("%-24s forks %3d (off %3d)  screened %2d  found %7.3fx of best %7.3fx  picked %7.3fx %s%n",
                                o.name(), o.forks(), o.offForks(), o.screened(), o.found(), o.best(), o.pickedSpeedup(), o.picked());
                    }
                }
            }
            int forks = all.stream().mapToInt(Outcome::forks).sum();
            int offForks = all.stream().mapToInt(Outcome::offForks).sum();
            double loss = all.stream().mapToDouble(o -> Math.log(Math.max(1, o.found()) / Math.max(1, o.best()))).average().orElse(0);
            double pickLoss = all.stream().mapToDouble(o -> Math.log(Math.max(1, o.pickedSpeedup()) / Math.max(1, o.best())))
                    .average().orElse(0);
            sumRatio += offForks / (double) forks;
            sumLoss += loss;
            sumPickLoss += pickLoss;
            System.out.printf("replay (seed %d): %d samples, screening forks off %d / on %d = %.2fx fewer; geometric mean of best found / best of all %.3f, of the pick sent to confirmation %.3f%n",
                    seed + rep, all.size(), offForks, forks, offForks / (double) forks, Math.exp(loss), Math.exp(pickLoss));
        }
        if (reps > 1) {
            System.out.printf("mean over %d: %.2fx fewer screening forks, best found / best of all %.3f, pick / best of all %.3f%n",
                    reps, sumRatio / reps, Math.exp(sumLoss / reps), Math.exp(sumPickLoss / reps));
        }
    }

    static Outcome replay(String name, Path report, Path model, RankPolicy rp, long seed, java.util.Random random,
                                  double noise) throws Exception {
        return replay(name, report, model, List.of(), Integer.MAX_VALUE, rp, seed, random, noise);
    }

    static Outcome replay(String name, Path report, Path model, List<Path> history, int methods, RankPolicy rp, long seed,
                          java.util.Random random, double noise) throws Exception {
        Map<String, Object> r = Json.parseObject(Files.readString(report));
        String target = (String) r.get("target");
        Map<String, ReplayPriors.Row> rows = ReplayPriors.leaveOneOut(model, history, target, methods,
                new java.util.Random(seed * 17 + name.hashCode()));   // its own draw: the forks' noise stays as it was
        Map<Integer, Variant> byNumber = new TreeMap<>();
        Map<Variant, Double> priors = new LinkedHashMap<>();
        Map<String, Double> truth = new LinkedHashMap<>();
        for (Object o : (List<?>) r.get("variants")) {
            Map<?, ?> v = (Map<?, ?>) o;
            String id = (String) v.get("id");
            if (!id.matches("v\\d+")) {
                continue;   // a per-size dispatcher, made after the race
            }
            List<Step> steps = new ArrayList<>();
            for (Object t : (List<?>) v.get("transforms")) {
                Map<?, ?> tm = (Map<?, ?>) t;
                Map<String, Integer> params = new LinkedHashMap<>();
                ((Map<?, ?>) tm.get("params")).forEach((k, x) -> params.put((String) k, ((Number) x).intValue()));
                steps.add(new Step((String) tm.get("name"), params));
            }
            ReplayPriors.Row row = rows.get(ReplayPriors.key(steps));
            if (row == null) {
                continue;   // not screened in the off pass (rejected by the verifier): never screened here either
            }
            Variant variant = new Variant(id, (String) v.get("parent"), steps, id.getBytes(StandardCharsets.UTF_8));
            byNumber.put(Integer.parseInt(id.substring(1)), variant);
            priors.put(variant, row.prior());
            truth.put(id, row.logSpeedup());
        }
        if (byNumber.size() < 2) {
            return null;
        }
        List<Variant> variants = new ArrayList<>(byNumber.values());
        if (name.equals(System.getProperty("show"))) {
            variants.stream().sorted(Comparator.comparingDouble((Variant v) -> -priors.get(v))).forEach(v -> System.out.printf(
                    "  %-4s prior %6.3fx  screened %6.3fx  %s%n", v.id(), Math.exp(priors.get(v)), Math.exp(truth.get(v.id())),
                    v.transforms()));
        }
        Variant original = new Variant(Variant.ORIGINAL_ID, null, List.of(), new byte[0]);
        Policy policy = withKeep(Policy.defaults().withRank(rp), "keep");

        Race offRace = race(withKeep(Policy.defaults().withRank(rp), "offkeep"), truth, original, random, noise);
        offRace.run(variants, v -> new Verdict.Passed(1), () -> 1e9);

        Ranking ranking = ReplayPriors.ranking(rp);
        Selection s = ReplayPriors.rank(ranking, variants, priors, seed);
        Race race = race(policy, truth, original, random, noise);
        if (s.ranked()) {
            race.capFinalists(rp.rankFinalists());
        }
        List<Race.Entry> entries = race.run(s.ordered(), v -> new Verdict.Passed(1), () -> 1e9, s.limit(),
                Tuner.screeningOrder(policy, ranking, variants), s::explorer);
        double found = entries.stream().mapToDouble(e -> truth.get(e.variant.id())).max().orElse(0);
        double best = truth.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Race.Entry pick = race.best();
        List<String> order = entries.stream().map(e -> e.variant.id()).toList();
        return new Outcome(name, race.forksRun(), offRace.forksRun(), entries.size(), Math.exp(found), Math.exp(best),
                pick == null ? 1 : Math.exp(truth.get(pick.variant.id())), (pick == null ? "none" : pick.variant.id()) + " " + order);
    }

    /* The policy with the system property's keep fraction (successive halving's better part), when it is set. */
    private static Policy withKeep(Policy p, String property) {
        String k = System.getProperty(property);
        return k == null ? p : p.withSearch(p.transforms(), p.maxDepth(), p.maxVariants(), p.screenForks(), Double.parseDouble(k));
    }

    /*
     * A race whose forks answer each variant's off-pass screening result: time 1 / speedup, the original 1, each
     * fork times exp(noise x a standard normal draw) when noise is above 0 (a fork's own scatter).
     */
    private static Race race(Policy policy, Map<String, Double> truth, Variant original, java.util.Random random, double noise) {
        Measurer m = new Measurer() {
            @Override
            public Measurement measure(BenchSpec spec, ForkPlan plan) {
                double t = Math.exp(-truth.getOrDefault(spec.label(), 0.0) + noise * random.nextGaussian());
                return new Measurement(t, 0, "ns/op", 1, 4, new double[] {t}, Basis.WALL);
            }

            @Override
            public PairSource pairs(BenchSpec baseline, BenchSpec candidate, ForkPlan plan) {
                throw new UnsupportedOperationException("the replay screens only");
            }

            @Override
            public double[] lastForkCpuShares() {
                return new double[] {Double.NaN};
            }

            @Override
            public Path workDir() {
                return Path.of(".");
            }

            @Override
            public String environmentKey() {
                return "replay";
            }
        };
        Budget budget = new Budget(Duration.ofDays(1), 0, () -> 0L);
        InputSource inputs = InputSource.decode("1;;-;-");
        return new Race(m, budget, policy, Progress.NONE, v -> new BenchSpec(v.id(), List.of(), "Replay", "m", "()V", true,
                Path.of(v.id() + ".class"), inputs, false), ForkPlan.screening(), original);
    }
}
