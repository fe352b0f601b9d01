package dev.selftune.meta;

import dev.selftune.search.PolicyFile;
import dev.selftune.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a self-improve run: {@code report.json} (generations, archive with lineage, cache hits and
 * misses, the verdict), {@code report.html} and {@code policy-<g>.json} for each adopted generation
 * (a plain policy file, usable with {@code tune --policy}).
 */
public final class MetaReport {
    private MetaReport() { }

    public static List<Path> write(MetaRun run, Path out) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(out);
            for (GenerationRow r : run.adopted()) {
                Node n = run.nodes().stream().filter(x -> x.id.equals(r.candidate())).findFirst().orElseThrow();
                Path p = out.resolve(r.policyFile());
                PolicyFile.save(n.policy, p);
                written.add(p);
            }
            Path json = out.resolve("report.json");
            Files.writeString(json, Json.write(json(run), 2) + "\n");
            written.add(json);
            Path html = out.resolve("report.html");
            Files.writeString(html, MetaHtml.render(run));
            written.add(html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the self-improve report into " + out, e);
        }
        return written;
    }

    static Map<String, Object> json(MetaRun run) {
        SelfImproveRequest q = run.request();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "self-improve");
        m.put("seed", q.seed());
        m.put("budgetPerGenerationSeconds", q.budget().toMillis() / 1000.0);
        m.put("perTargetSeconds", q.perTarget().toMillis() / 1000.0);
        m.put("candidatesPerGeneration", q.candidates());
        if (q.tuneSelf()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("methodsPerGeneration", q.tuneSelfMethods());
            t.put("budgetPerMethodSeconds", q.tuneSelfBudget().toMillis() / 1000.0);
            t.put("carvedFromEachGenerationSeconds", q.selfTuneBudget().toMillis() / 1000.0);
            t.put("note", run.selfTuningNote());
            m.put("tuneSelf", t);
        }
        m.put("train", q.train().stream().map(MetaTarget::method).toList());
        m.put("holdout", q.holdout().stream().map(MetaTarget::method).toList());
        List<Object> gens = new ArrayList<>();
        for (GenerationRow r : run.generations()) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("generation", r.generation());
            g.put("parent", r.parent());
            g.put("parentOwnScore", finite(r.parentOwnScore()));
            g.put("parentMetaproductivity", finite(r.parentMetaproductivity()));
            g.put("candidate", r.candidate());
            g.put("policyFile", r.policyFile());
            g.put("policyDiff", r.policyDiff());
            g.put("trainUtility", utility(r.trainUtility()));
            g.put("holdoutUtility", utility(r.holdoutUtility()));
            g.put("adopted", r.adopted());
            g.put("reason", r.reason());
            g.put("wallSeconds", Math.round(r.wallSeconds() * 10) / 10.0);
            if (q.tuneSelf()) {
                g.put("selfTuning", selfTuning(r.selfTuning()));
            }
            gens.add(g);
        }
        m.put("generations", gens);
        List<Object> archive = new ArrayList<>();
        for (Node n : run.nodes()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", n.id);
            a.put("generation", n.generation);
            a.put("parent", n.parent == null ? null : n.parent.id);
            a.put("policyDiff", n.parent == null ? Map.of() : PolicyDiff.of(n.parent.policy, n.policy));
            a.put("ownScore", finite(n.ownScore()));
            a.put("metaproductivity", finite(run.archive().metaproductivity(n)));
            a.put("cladeSize", run.archive().clade(n).size());
            a.put("trainUtility", utility(n.train));
            a.put("rerunUtility", utility(n.rerun));
            a.put("holdoutUtility", utility(n.holdout));
            a.put("adopted", n.adopted);
            a.put("status", n.status);
            a.put("proposal", n.generation == 0 ? "default" : n.proposal);
            archive.add(a);
        }
        m.put("archive", archive);
        long[] cache = run.cacheCounts();
        m.put("cache", Map.of("hits", cache[0], "misses", cache[1]));
        m.put("verdict", run.verdict());
        return m;
    }

    static List<Object> selfTuning(List<SelfTuneRow> rows) {
        List<Object> out = new ArrayList<>();
        for (SelfTuneRow r : rows) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("method", r.method());
            x.put("samples", r.samples());
            x.put("decision", r.decision());
            x.put("speedup", Double.isNaN(r.speedup()) ? null : List.of(round(r.low()), round(r.high())));
            x.put("ratio", finite(r.speedup()));
            x.put("swapped", r.swapped());
            x.put("reason", r.reason());
            out.add(x);
        }
        return out;
    }

    static Map<String, Object> utility(Utility u) {
        if (u == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("speedup", round(u.speedup()));
        m.put("low", round(u.low()));
        m.put("high", round(u.high()));
        m.put("measurements", u.measurements());
        List<Object> targets = new ArrayList<>();
        for (TargetScore t : u.targets()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("target", t.target());
            x.put("decision", t.decision());
            x.put("speedup", round(t.speedup()));
            x.put("low", round(t.low()));
            x.put("high", round(t.high()));
            x.put("measurements", t.measurements());
            if (t.reason() != null) {
                x.put("reason", t.reason());
            }
            if (t.screened() > 0) {
                /* the evidence PolicyMutator.informed proposes from */
                x.put("screened", t.screened());
                x.put("winnerAt", t.winnerAt());
                x.put("generatedAt", t.generatedAt());
                x.put("firstRoundRank", t.firstRoundRank());
            }
            targets.add(x);
        }
        m.put("targets", targets);
        return m;
    }

    private static Object finite(double d) {
        return Double.isNaN(d) ? null : round(d);
    }

    private static double round(double d) {
        return Math.round(d * 10000) / 10000.0;
    }
}
