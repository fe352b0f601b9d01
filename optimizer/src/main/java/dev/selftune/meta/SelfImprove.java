package dev.selftune.meta;

import dev.selftune.generate.Policy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The meta loop. Generation 0 is {@link Policy#defaults()}, scored on training and held-out targets.
 * Each later generation picks a parent from the archive by clade metaproductivity, proposes
 * candidates by mutating it, scores each on the training targets, and adopts the best only if it
 * beats the incumbent beyond noise, a fresh re-run confirms that, and its held-out utility is not
 * worse beyond noise. Otherwise the incumbent carries over. Scoring goes through {@link Scorer}
 * only, and a scorer gets nothing but a policy: the loop cannot reach the judge.
 */
public final class SelfImprove {
    private final SelfImproveRequest request;
    private final Scorer scorer;
    private final PolicyMutator mutator;
    private final Consumer<String> progress;
    private final Archive archive = new Archive();
    private final List<GenerationRow> rows = new ArrayList<>();
    private final SelfTuning selfTuning;

    public SelfImprove(SelfImproveRequest request, Scorer scorer, Consumer<String> progress) {
        this(request, scorer, progress, null);
    }

    /** As above, with {@code selfTuning} (null when {@code --tune-self} is off) told about every generation. */
    public SelfImprove(SelfImproveRequest request, Scorer scorer, Consumer<String> progress, SelfTuning selfTuning) {
        this.request = request;
        this.scorer = scorer;
        this.mutator = new PolicyMutator(request.seed());
        this.progress = progress;
        this.selfTuning = selfTuning;
    }

    public MetaRun run() {
        try {
            return loop();
        } finally {
            if (selfTuning != null) {
                try {
                    selfTuning.close();
                } catch (RuntimeException | LinkageError e) {
                    progress.accept("self-tuning: closing failed (" + e + "); the run's results stand");
                }
            }
        }
    }

    private MetaRun loop() {
        long start = System.nanoTime();
        starts(0);
        Node incumbent = archive.add("g0", 0, null, Policy.defaults());
        incumbent.train = scorer.score(incumbent.policy, request.train(), "g0-train");
        incumbent.holdout = scorer.scoreHeldOut(incumbent.policy, request.holdout(), "g0-holdout");
        incumbent.adopted = true;
        incumbent.status = "generation 0: the default policy";
        rows.add(new GenerationRow(0, null, Double.NaN, Double.NaN, "g0", policyFile(0), java.util.Map.of(),
                incumbent.train, incumbent.holdout, true, incumbent.status, seconds(start)));
        progress.accept("generation 0: train " + incumbent.train + ", held-out " + incumbent.holdout);
        ends(0);
        for (int g = 1; g <= request.generations(); g++) {
            starts(g);
            incumbent = generation(g, incumbent);
            ends(g);
        }
        return new MetaRun(request, archive.nodes(), List.copyOf(rows), verdict(), archive,
                selfTuning == null ? null : SelfTuningCalls.note(selfTuning, progress));
    }

    private void starts(int g) {
        if (selfTuning != null) {
            SelfTuningCalls.starts(selfTuning, g, progress);
        }
    }

    /* The generation's row gets what self-tuning did after it; a failure there is a row, never the run's end. */
    private void ends(int g) {
        if (selfTuning == null) {
            return;
        }
        List<SelfTuneRow> done = SelfTuningCalls.ends(selfTuning, g, request.generations() - g, progress);
        rows.set(rows.size() - 1, rows.get(rows.size() - 1).withSelfTuning(done));
    }

    private Node generation(int g, Node incumbent) {
        long start = System.nanoTime();
        Node parent = archive.chooseParent();
        double own = parent.ownScore();
        double cmp = archive.metaproductivity(parent);
        progress.accept(String.format("generation %d: parent %s (own %.3fx, clade metaproductivity %.3fx)", g, parent.id, own, cmp));
        List<Node> candidates = new ArrayList<>();
        for (int c = 1; c <= request.candidates(); c++) {
            /* the first candidate comes from the parent's evidence when it suggests one (PolicyMutator.informed) */
            Node from = parent;
            Policy p = null;
            String proposal = null;
            if (c == 1) {
                Informed line = informedFrom(parent);
                if (line != null) {
                    Node evidence = line.from();
                    from = evidence;
                    p = line.policy();
                    proposal = PolicyMutator.informedWhy(evidence.policy, p, evidence.trainUtility())
                            + (evidence == parent ? "" : " (following " + evidence.id + ", proposed earlier from "
                            + parent.id + "'s line of evidence and scored)");
                }
            }
            if (proposal == null) {
                p = mutator.mutate(parent.policy);
                for (int tries = 0; tries < 20 && archive.contains(p); tries++) {
                    p = mutator.mutate(parent.policy);
                }
            }
            Node n = archive.add("g" + g + "-c" + c, g, from, p);
            if (proposal != null) {
                n.proposal = proposal;
                progress.accept(n.id + " proposed " + proposal);
            }
            n.train = scorer.score(p, request.train(), n.id + "-train");
            candidates.add(n);
        }
        candidates.sort(Comparator.comparing((Node n) -> Adoption.beats(n.train, incumbent.trainUtility()) == null)
                .thenComparing((a, b) -> Adoption.compare(a.train, b.train)));
        Node best = candidates.get(0);
        candidates.forEach(n -> n.status = "not better than " + incumbent.id + " beyond noise");
        String reason = Adoption.beats(best.train, incumbent.trainUtility());
        boolean adopted = false;
        if (reason != null) {
            best.rerun = scorer.score(best.policy, request.train(), best.id + "-rerun");
            String confirmed = Adoption.beats(best.rerun, incumbent.trainUtility());
            if (confirmed == null) {
                reason = "the fresh re-run did not confirm (" + best.rerun + " vs " + incumbent.trainUtility() + ")";
            } else {
                best.holdout = scorer.scoreHeldOut(best.policy, request.holdout(), best.id + "-holdout");
                String veto = Adoption.heldOutWorse(best.holdout, incumbent.holdout);
                if (veto != null) {
                    reason = "vetoed: " + veto;
                } else {
                    reason = confirmed + "; confirmed by a fresh re-run; held-out " + best.holdout;
                    adopted = true;
                }
            }
        } else {
            reason = "no candidate beat " + incumbent.id + " beyond noise (best " + best.train + " vs " + incumbent.trainUtility() + ")";
        }
        best.status = reason;
        best.adopted = adopted;
        rows.add(new GenerationRow(g, parent.id, own, cmp, best.id, adopted ? policyFile(g) : null,
                PolicyDiff.of(parent.policy, best.policy), best.trainUtility(), best.holdout, adopted, reason, seconds(start)));
        progress.accept("generation " + g + ": " + (adopted ? "adopted " + best.id : "kept " + incumbent.id + " (best candidate "
                + best.id + ")") + ": " + reason);
        return adopted ? best : incumbent;
    }

    /** A policy the evidence of node {@code from} proposes. */
    private record Informed(Node from, Policy policy) { }

    /*
     * The first policy not yet in the archive along the line of evidence, with the node whose
     * evidence proposed it: the parent's own, or, when what the parent's evidence proposes was scored
     * already, that node's evidence in turn (a few steps at most). So a line of evidence goes on after
     * a step that was not adopted alone: model on, then, from what the model-on tunings showed, a
     * smaller cut or fewer halving rounds. Null when the line ends.
     */
    private Informed informedFrom(Node parent) {
        Node from = parent;
        for (int hops = 0; hops < 4 && from != null; hops++) {
            Policy q = mutator.informed(from.policy, from.trainUtility());
            if (q == null) {
                return null;
            }
            Node seen = archive.find(q);
            if (seen == null) {
                return new Informed(from, q);
            }
            from = seen.trainUtility() == null ? null : seen;
        }
        return null;
    }

    /** An honest curve: says when the last generations adopted nothing. */
    String verdict() {
        int last = 0;
        for (GenerationRow r : rows) {
            if (r.adopted()) {
                last = r.generation();
            }
        }
        int n = request.generations();
        if (last == 0) {
            return "no generation beat generation 0 beyond noise: the default policy stands";
        }
        if (last < n) {
            return "the last gain was at generation " + last + "; generations " + (last + 1) + ".." + n
                    + " adopted nothing: later generations stopped helping";
        }
        return "generation " + last + " (the last) was adopted: later generations were still helping";
    }

    static String policyFile(int g) {
        return "policy-" + g + ".json";
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
