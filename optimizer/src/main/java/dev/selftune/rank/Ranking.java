package dev.selftune.rank;

import dev.selftune.api.MethodRef;
import dev.selftune.api.RankSummary;
import dev.selftune.api.Variant;
import dev.selftune.generate.RankPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One run's use of the ranking model: load this machine's examples, order and cut the variants
 * before screening when the policy says so and the model is fitted, and append every screening
 * result as a new example afterwards. It decides what is screened, never what is judged.
 */
public final class Ranking {
    /** A screened variant and its screening speedup over the original, {@code log(original / variant)}. */
    public record Observed(Variant variant, double logSpeedup) { }

    private final ModelStore store;
    private final RankPolicy policy;
    private final List<Example> examples;
    private final RankModel model;
    private final List<String> warnings = new ArrayList<>();
    private final Map<Variant, Double> prior = new LinkedHashMap<>();
    private final java.util.Set<Variant> explorers = new java.util.HashSet<>();
    private int adaptations;
    private String note;
    private boolean ranked;   // rank() ran: the cut, and rankFinalists with it, applied to this run

    /* store null: nothing is loaded or kept (a ranking whose priors come from {@link #rank}) */
    Ranking(ModelStore store, RankPolicy policy) {
        this.store = store;
        this.policy = policy;
        this.examples = new ArrayList<>(store == null ? List.of() : store.load());
        this.model = new RankModel(examples);
    }

    /**
     * The model kept under {@code cacheDir} for {@code environment} (the measurer's JVM, CPU and fork
     * flags, less the per-run pre-touch flag: {@link ModelStore#modelEnvironment}); {@code cacheDir} null
     * keeps nothing and ranks nothing. Problems with the file go to
     * {@code warnings} and leave the model empty.
     */
    public static Ranking open(Path cacheDir, String environment, RankPolicy policy, Consumer<String> warnings) {
        List<String> seen = new ArrayList<>();
        Consumer<String> both = w -> {
            seen.add(w);
            warnings.accept(w);
        };
        Ranking r = new Ranking(cacheDir == null ? null : new ModelStore(cacheDir, ModelStore.modelEnvironment(environment), both), policy);
        r.warnings.addAll(seen);
        return r;
    }

    /**
     * A view of the models under {@code fromCacheDir} that has never seen {@code methods}, written under
     * {@code toCacheDir} (replacing the models there): for scoring held-out methods with a model that
     * learned only from others, as for a method it meets for the first time. Returns the examples left out.
     */
    public static int viewWithout(Path fromCacheDir, Path toCacheDir, java.util.Collection<String> methods) throws java.io.IOException {
        return ModelStore.copyWithout(fromCacheDir, toCacheDir, methods);
    }

    /** Examples the model learned from. */
    public int examples() {
        return examples.size();
    }

    public boolean fitted() {
        return model.fitted();
    }

    /** The variants to screen, in order, and how many may be screened; everything, in order, unless the model is on and fitted. */
    public Selection select(List<Variant> variants, MethodRef target, byte[] originalClass, long seed) {
        if (!policy.rankModel()) {
            note = "model off (policy rankModel false)" + (store == null ? "" : "; screening results are kept as examples");
            return Selection.all(variants);
        }
        if (store == null) {
            note = "model on, but no cache directory to keep it in: every variant screened";
            return Selection.all(variants);
        }
        if (!model.fitted()) {
            note = "model on with " + examples.size() + " examples, fewer than the " + RankModel.MIN_EXAMPLES
                    + " it needs: every variant screened" + (warnings.isEmpty() ? "" : " (" + warnings.get(0) + ")");
            return Selection.all(variants);
        }
        Map<Variant, Double> predicted = new LinkedHashMap<>();
        for (Variant v : variants) {
            predicted.put(v, model.predict(Features.of(v, target, originalClass)));
        }
        return rank(variants, predicted, seed);
    }

    /**
     * Orders and cuts {@code variants} by {@code predicted} (their prior) and remembers both for {@link #adapt}:
     * {@link #select} with the model's predictions, or the screening replay with predictions made elsewhere.
     */
    Selection rank(List<Variant> variants, Map<Variant, Double> predicted, long seed) {
        prior.putAll(predicted);
        Selection s = Ranker.select(variants, prior::get, policy, seed);
        explorers.addAll(s.ordered().subList(s.kept(), s.kept() + s.explored()));
        ranked = true;
        note = "model on with " + examples.size() + " examples: " + s.kept() + " best of " + variants.size()
                + " let through to screening, plus " + s.explored() + " explorer(s) at random"
                + (policy.rankAdapt() ? "; the order re-made after each screening result from this method's own results" : "");
        return s;
    }

    /** Whether {@link #adapt} re-orders anything: the model ranked this run's variants and the policy asks for it. */
    public boolean adapts() {
        return policy.rankAdapt() && !prior.isEmpty();
    }

    /**
     * The variants not yet screened, in the order to screen them now that {@code seen} (this run's
     * screening log speedups so far) is known: explorers not yet reached first (they were promised a
     * fork), then the rest by the prior plus this method's fitted transform effects ({@link Adaptive}),
     * ties in the order given, except that the best screened variant without a step this method's results saw
     * slow a variant down goes first ({@link Adaptive#firstAblation}), or else, when two or more screened variants
     * all apply some transform, the best variant without it ({@link Adaptive#firstSeparating}). Unchanged when
     * {@link #adapts()} is false.
     */
    public List<Variant> adapt(List<Variant> notStarted, Map<Variant, Double> seen) {
        if (!adapts() || notStarted.size() < 2) {
            return notStarted;
        }
        adaptations++;
        List<Variant> explore = new ArrayList<>();
        List<Variant> rest = new ArrayList<>();
        for (Variant v : notStarted) {
            (explorers.contains(v) ? explore : rest).add(v);
        }
        double[] p = new double[rest.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = prior.getOrDefault(rest.get(i), 0.0);
        }
        double[] adjusted = Adaptive.adjust(rest, p, seen, prior);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.comparingDouble((Integer i) -> -adjusted[i]));   // stable: ties keep the given order
        List<Variant> ranked = new ArrayList<>();
        order.forEach(i -> ranked.add(rest.get(i)));
        /* the best without a step that slowed a variant here, else one without what every screened variant shared */
        int ablation = Adaptive.firstAblation(ranked, seen);
        int next = ablation >= 0 ? ablation : Adaptive.firstSeparating(ranked, seen.keySet());
        if (next > 0) {
            ranked.add(0, ranked.remove(next));
        }
        List<Variant> out = new ArrayList<>(explore);
        out.addAll(ranked);
        return out;
    }

    /** How many times {@link #adapt} re-ordered the remaining variants this run. */
    public int adaptations() {
        return adaptations;
    }

    /**
     * Appends one example per observed variant (replacing an earlier example of the same bytes, target
     * and inputs) and saves the model; nothing when there is no cache directory.
     */
    public void record(MethodRef target, String inputs, byte[] originalClass, List<Observed> observed) {
        if (store == null || observed.isEmpty()) {
            return;
        }
        for (Observed o : observed) {
            if (!Double.isFinite(o.logSpeedup())) {
                continue;
            }
            String id = Variant.sha256((target + "|" + inputs + "|" + o.variant().bytesHash()).getBytes(StandardCharsets.UTF_8));
            examples.removeIf(e -> e.id().equals(id));
            examples.add(new Example(id, target.toString(), Features.of(o.variant(), target, originalClass), o.logSpeedup()));
        }
        store.save(examples);
    }

    /** The report's view of this run: {@code rankedOut} variants never screened because the model cut them, {@code extended} screened past the cut. */
    public RankSummary summary(int candidates, int rankedOut, int explored, int extended, int screeningForks, int confirmationForks) {
        return new RankSummary(policy.rankModel(), store == null ? null : store.file().toString(), model.size(),
                model.fitted(), candidates, rankedOut, explored, extended, screeningForks, confirmationForks,
                note == null ? "no variants to rank" : note + (adaptations > 0 ? " (re-made " + adaptations + " times)" : "")
                        + (ranked && policy.rankFinalists() > 0
                                ? "; later halving rounds re-measured at most " + policy.rankFinalists() + " of the screened" : "")
                        + (extended > 0 ? "; " + extended + " screened past the cut (after a new best among the last two screened, or while nothing screened had paid)" : ""));
    }
}
