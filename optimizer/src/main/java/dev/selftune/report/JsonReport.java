package dev.selftune.report;

import dev.selftune.api.Decision;
import dev.selftune.api.ForkPlanInfo;
import dev.selftune.api.Measurement;
import dev.selftune.api.RankSummary;
import dev.selftune.api.RunSetup;
import dev.selftune.api.Speedup;
import dev.selftune.api.Step;
import dev.selftune.api.TuneResult;
import dev.selftune.api.Variant;
import dev.selftune.api.VariantResult;
import dev.selftune.api.Verdict;
import dev.selftune.target.ClassVersion;
import dev.selftune.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link TuneResult} as {@code report.json}: the decision with all of its evidence, one
 * entry per variant, and null wherever a value was not measured.
 */
public final class JsonReport {
    /** Bumped when a field changes meaning or disappears; new fields do not bump it. */
    public static final int FORMAT = 1;

    private JsonReport() { }

    /** The report as pretty-printed JSON, with the default minimum effect (1.05). */
    public static String render(TuneResult r) {
        return render(r, OutputWriter.DEFAULT_MIN_SPEEDUP);
    }

    /** The report as pretty-printed JSON; {@code minSpeedup} is recorded for readers of the decision. */
    public static String render(TuneResult r, double minSpeedup) {
        return Json.write(toMap(r, minSpeedup), 2) + "\n";
    }

    /** The report as nested maps and lists, in field order, ready for {@link Json#write}. */
    public static Map<String, Object> toMap(TuneResult r, double minSpeedup) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("target", r.target().toString());
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("owner", r.target().owner());
        method.put("name", r.target().name());
        method.put("descriptor", r.target().descriptor());
        m.put("method", method);
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("version", r.jvmVersion());
        jvm.put("vendor", r.jvmVendor());
        m.put("jvm", jvm);
        m.put("cpu", r.cpu());
        m.put("seed", r.seed());
        putSetup(m, r.setup());
        m.put("budgetSeconds", r.budgetSeconds());
        m.put("elapsedSeconds", r.elapsedSeconds());
        m.put("minSpeedup", minSpeedup);
        m.put("originalClassSha256", r.originalClassBytes() == null ? null : Variant.sha256(r.originalClassBytes()));
        m.put("classVersion", classVersion(r));
        m.put("baseline", measurement(r.baseline()));
        m.put("generated", r.generated());
        m.put("unexplored", r.unexplored());
        m.put("rejected", r.rejected());
        m.put("measured", r.measured());
        if (r.cache() != null) {
            Map<String, Object> cache = new LinkedHashMap<>();
            cache.put("hits", r.cache().hits());
            cache.put("misses", r.cache().misses());
            m.put("cache", cache);
        }
        if (r.ranking() != null) {
            RankSummary k = r.ranking();
            Map<String, Object> rank = new LinkedHashMap<>();
            rank.put("enabled", k.enabled());
            rank.put("modelFile", k.modelFile());
            rank.put("examples", k.examples());
            rank.put("fitted", k.fitted());
            rank.put("candidates", k.candidates());
            rank.put("rankedOut", k.rankedOut());
            rank.put("explored", k.explored());
            rank.put("extended", k.extended());
            rank.put("note", k.note());
            m.put("ranking", rank);
            Map<String, Object> forks = new LinkedHashMap<>();
            forks.put("screening", k.screeningForks());
            forks.put("confirmation", k.confirmationForks());
            forks.put("total", k.screeningForks() + k.confirmationForks());
            m.put("forksSpent", forks);
        }
        List<Object> variants = new ArrayList<>();
        ChangedMethods changed = r.originalClassBytes() == null ? null : new ChangedMethods(r.originalClassBytes());
        for (VariantResult v : r.variants()) {
            Map<String, Object> vm = variant(v, r.decidedVariant());
            vm.put("changedMethods", changed == null ? null : new ArrayList<Object>(changed.in(v.variant().classBytes())));
            variants.add(vm);
        }
        m.put("variants", variants);
        m.put("decision", r.decision().label());
        m.put("reason", r.decision() instanceof Decision.Keep k ? k.reason() : null);
        Map<String, Object> winner = r.decision() instanceof Decision.Swap s ? winner(s, r.setup()) : null;
        if (winner != null && r.originalClassBytes() != null) {
            winner.put("changedMethods", new ArrayList<Object>(ChangedMethods.of(r.originalClassBytes(), r.winnerClassBytes())));
        }
        m.put("winner", winner);
        m.put("confirmed", confirmed(r));
        m.put("notApplied", new LinkedHashMap<>(r.notApplied()));
        m.put("skipped", new LinkedHashMap<>(r.skipped()));
        return m;
    }

    /*
     * Null setup (a result built without one) writes nulls: unknown, not "bit-exact". The plans are
     * per JMH run; confirmation runs one fork per side at a time, interleaved, and its pair count is
     * in confirmed.pairs.
     */
    private static void putSetup(Map<String, Object> m, RunSetup s) {
        m.put("fpTolerance", s == null ? null : s.fpTolerance());
        m.put("sizes", s == null || s.sizes() == null ? null : new ArrayList<Object>(s.sizes()));
        m.put("inputs", s == null ? null : s.inputs());
        m.put("forkJvmArgs", s == null ? null : new ArrayList<Object>(s.forkJvmArgs()));
        if (s != null && s.forkFlagsNote() != null) {
            m.put("forkFlagsNote", s.forkFlagsNote());
        }
        Map<String, Object> plans = null;
        if (s != null) {
            plans = new LinkedHashMap<>();
            plans.put("screening", plan(s.screening()));
            plans.put("confirmation", plan(s.confirmation()));
        }
        m.put("forkPlans", plans);
    }

    private static Map<String, Object> plan(ForkPlanInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("forks", p.forks());
        m.put("warmupIterations", p.warmupIterations());
        m.put("measurementIterations", p.measurementIterations());
        m.put("iterationMillis", p.iterationMillis());
        return m;
    }

    /** The variant the decision is about, with its confirmed interval; null when nothing was confirmed. */
    private static Map<String, Object> confirmed(TuneResult r) {
        VariantResult v = r.confirmed() == null ? null : r.confirmedResult();
        if (v == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.variant().id());
        m.put("transforms", transforms(v.variant().transforms()));
        putSpeedup(m, v.speedup());
        m.put("pairs", v.measurement() == null ? null : v.measurement().forks());
        m.put("toleranceBased", r.setup() == null ? null : r.setup().toleranceBased());
        return m;
    }

    /**
     * The class-file version of the original and of the winner as written (null without a winner),
     * and why it was raised (null when kept); null when the original bytes are unknown.
     */
    static Map<String, Object> classVersion(TuneResult r) {
        if (r.originalClassBytes() == null) {
            return null;
        }
        byte[] winner = r.winnerClassBytes();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("original", ClassVersion.major(r.originalClassBytes()));
        m.put("written", winner == null ? null : ClassVersion.major(winner));
        m.put("reason", winner == null ? null : ClassVersion.raiseReason(r.originalClassBytes(), winner));
        return m;
    }

    /** Reads the decision back from a {@code report.json} written by {@link OutputWriter}. */
    public static ReportedDecision readDecision(Path reportJson) {
        try {
            return ReportedDecision.of(Json.parseObject(Files.readString(reportJson, StandardCharsets.UTF_8)), reportJson);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + reportJson + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> variant(VariantResult v, String confirmedId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.variant().id());
        m.put("parent", v.variant().parent());
        m.put("transforms", transforms(v.variant().transforms()));
        m.put("sha256", v.variant().bytesHash());
        Verdict verdict = v.verdict();
        m.put("verdict", verdict.passed() ? "passed" : "rejected");
        m.put("inputsChecked", verdict.inputsChecked());
        m.put("rejectReason", verdict instanceof Verdict.Rejected rj ? rj.reason() : null);
        m.put("counterexample", verdict instanceof Verdict.Rejected rj ? rj.counterexample() : null);
        Measurement ms = v.measurement();
        m.put("score", ms == null ? null : ms.score());
        m.put("error", ms == null ? null : ms.error());
        m.put("unit", ms == null ? null : ms.unit());
        m.put("forks", ms == null ? null : ms.forks());
        m.put("iterations", ms == null ? null : ms.iterations());
        m.put("scoreBasis", ms == null ? null : ms.basis().label());
        putSpeedup(m, v.speedup());
        m.put("stage", v.speedup() == null ? null : v.variant().id().equals(confirmedId) ? "confirmation" : "screening");
        m.put("note", v.note());
        return m;
    }

    private static Map<String, Object> winner(Decision.Swap s, RunSetup setup) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.variant().id());
        putSpeedup(m, s.speedup());
        m.put("toleranceBased", setup == null ? null : setup.toleranceBased());
        m.put("transforms", transforms(s.variant().transforms()));
        m.put("classFile", OutputWriter.winnerPath(s.variant().classBytes()));
        m.put("classSha256", s.variant().bytesHash());
        Map<String, Object> confirmation = new LinkedHashMap<>();
        confirmation.put("baseline", measurement(s.baseline()));
        confirmation.put("winner", measurement(s.winner()));
        m.put("confirmation", confirmation);
        return m;
    }

    private static void putSpeedup(Map<String, Object> m, Speedup s) {
        m.put("speedup", s == null ? null : s.ratio());
        m.put("speedupLow", s == null ? null : s.low());
        m.put("speedupHigh", s == null ? null : s.high());
        m.put("speedupBasis", s == null ? null : s.basis().label());
    }

    private static List<Object> transforms(List<Step> steps) {
        List<Object> l = new ArrayList<>();
        for (Step s : steps) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", s.transform());
            t.put("params", new LinkedHashMap<>(s.params()));
            l.add(t);
        }
        return l;
    }

    private static Map<String, Object> measurement(Measurement ms) {
        if (ms == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", ms.score());
        m.put("error", ms.error());
        m.put("unit", ms.unit());
        m.put("forks", ms.forks());
        m.put("iterations", ms.iterations());
        m.put("forkScores", ms.forkScores());
        m.put("basis", ms.basis().label());
        dev.selftune.measure.ForkModes modes = dev.selftune.measure.ForkModes.of(ms.forkScores());
        if (modes == null) {
            m.put("twoSpeeds", null);
        } else {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("fastScore", modes.fastScore());
            t.put("fastForks", modes.fastForks());
            t.put("slowScore", modes.slowScore());
            t.put("slowForks", modes.slowForks());
            m.put("twoSpeeds", t);
        }
        return m;
    }
}
