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
    private String note;

    private Ranking(ModelStore store, RankPolicy policy) {
        this.store = store;
        this.policy = policy;
        this.examples = new ArrayList<>(store == null ? List.of() : store.load());
        this.model = new RankModel(examples);
    }

    /**
     * The model kept under {@code cacheDir} for {@code environment} (the measurer's JVM, CPU and fork
     * flags); {@code cacheDir} null keeps nothing and ranks nothing. Problems with the file go to
     * {@code warnings} and leave the model empty.
     */
    public static Ranking open(Path cacheDir, String environment, RankPolicy policy, Consumer<String> warnings) {
        List<String> seen = new ArrayList<>();
        Consumer<String> both = w -> {
            seen.add(w);
            warnings.accept(w);
        };
        Ranking r = new Ranking(cacheDir == null ? null : new ModelStore(cacheDir, environment, both), policy);
        r.warnings.addAll(seen);
        return r;
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
        Selection s = Ranker.select(variants, predicted::get, policy, seed);
        note = "model on with " + examples.size() + " examples: " + s.kept() + " best of " + variants.size()
                + " let through to screening, plus " + s.explored() + " explorer(s) at random";
        return s;
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

    /** The report's view of this run: {@code rankedOut} variants never screened because the model cut them. */
    public RankSummary summary(int candidates, int rankedOut, int explored, int screeningForks, int confirmationForks) {
        return new RankSummary(policy.rankModel(), store == null ? null : store.file().toString(), model.size(),
                model.fitted(), candidates, rankedOut, explored, screeningForks, confirmationForks,
                note == null ? "no variants to rank" : note);
    }
}
