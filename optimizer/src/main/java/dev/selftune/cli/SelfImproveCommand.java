package dev.selftune.cli;

import dev.selftune.api.Selftune;
import dev.selftune.api.TuneException;
import dev.selftune.api.TuneRequest;
import dev.selftune.api.TuneResult;
import dev.selftune.measure.MeasurementCache;
import dev.selftune.meta.MetaRun;
import dev.selftune.meta.MetaTarget;
import dev.selftune.agent.SelfTuner;
import dev.selftune.meta.SelfImproveRequest;
import dev.selftune.meta.SelfTuning;
import dev.selftune.meta.TargetsFile;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code selftune self-improve}: reads the targets files and options, refuses bad input before any
 * tuning, runs the meta loop with progress on stderr, writes {@code --out} and prints the verdict.
 */
final class SelfImproveCommand {
    static final List<String> VALUED = List.of("--classpath", "--train", "--holdout", "--generations", "--budget",
            "--seed", "--candidates", "--cache", "--out", "--tune-self-methods", "--tune-self-budget");
    static final int DEFAULT_TUNE_SELF_METHODS = 3;
    static final Duration DEFAULT_TUNE_SELF_BUDGET = Duration.ofSeconds(30);
    /** Makes the self-tuner of a {@code --tune-self} run; tests plant their own. */
    static java.util.function.BiFunction<SelfImproveRequest, java.util.function.Consumer<String>, SelfTuning> selfTuner = SelfImproveCommand::realSelfTuner;

    private SelfImproveCommand() { }

    static int run(String[] args, PrintStream out, PrintStream err, Function<TuneRequest, TuneResult> tuner) {
        Map<String, String> o = new LinkedHashMap<>();
        boolean quiet = false;
        boolean tuneSelf = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.print(Usage.SELF_IMPROVE);
                return Main.OK;
            }
            if (a.equals("--tune-self")) {
                if (tuneSelf) {
                    throw new TuneException(a, "option --tune-self is given twice: pass it once");
                }
                tuneSelf = true;
                continue;
            }
            if (a.equals("--quiet") || a.equals("--debug")) {
                quiet |= a.equals("--quiet");
                continue;
            }
            if (!VALUED.contains(a)) {
                throw new TuneException(a, "unknown option '" + a + "' for self-improve: known options are "
                        + String.join(", ", VALUED) + ", --tune-self, --quiet; see 'selftune help self-improve'");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--") || args[i + 1].isBlank()) {
                throw new TuneException(a, "option " + a + " needs a value; see 'selftune help self-improve'");
            }
            if (o.put(a, args[++i]) != null) {
                throw new TuneException(a, "option " + a + " is given twice: pass it once");
            }
        }
        SelfImproveRequest request = request(o, tuneSelf);
        PrintStream log = err;
        java.util.function.Consumer<String> progress = quiet ? line -> { } : line -> log.println("[self-improve] " + line);
        SelfTuning self = null;
        if (request.tuneSelf()) {
            try {
                self = selfTuner.apply(request, progress);
            } catch (RuntimeException | LinkageError e) {
                progress.accept("self-tuning could not start (" + e + "); the run goes on without it");
            }
        }
        MetaRun run = Selftune.selfImprove(request, progress, tuner, self);
        List<Path> written = Selftune.writeSelfImprove(run, request.out());
        out.println(run.verdict());
        written.forEach(p -> out.println("  wrote " + p));
        return Main.OK;
    }

    static SelfImproveRequest request(Map<String, String> o) {
        return request(o, false);
    }

    static SelfImproveRequest request(Map<String, String> o, boolean tuneSelf) {
        for (String dependent : List.of("--tune-self-methods", "--tune-self-budget")) {
            if (!tuneSelf && o.containsKey(dependent)) {
                throw new TuneException(dependent, dependent + " only applies with --tune-self (selftune tuning its own hot"
                        + " methods); add --tune-self or drop " + dependent);
            }
        }
        int selfMethods = !tuneSelf ? 0 : o.containsKey("--tune-self-methods")
                ? whole(o, "--tune-self-methods", o.get("--tune-self-methods")) : DEFAULT_TUNE_SELF_METHODS;
        if (tuneSelf && selfMethods < 1) {
            throw new TuneException("--tune-self-methods", "--tune-self-methods " + selfMethods + " must be 1.."
                    + SelfImproveRequest.MAX_TUNE_SELF_METHODS + "; to tune none, drop --tune-self");
        }
        Duration selfBudget = !tuneSelf ? Duration.ZERO : o.containsKey("--tune-self-budget")
                ? selfBudget(o.get("--tune-self-budget")) : DEFAULT_TUNE_SELF_BUDGET;
        List<Path> classpath = TuneArgs.classpath(required(o, "--classpath", "--classpath app.jar:build/classes"));
        List<MetaTarget> train = TargetsFile.read("--train", file(o, "--train"));
        List<MetaTarget> holdout = TargetsFile.read("--holdout", file(o, "--holdout"));
        int generations = whole(o, "--generations", required(o, "--generations", "--generations 3"));
        Duration budget = Budgets.parse(required(o, "--budget", "--budget 10m (per generation)"));
        long seed = o.containsKey("--seed") ? whole(o, "--seed", o.get("--seed")) : 1;
        int candidates = o.containsKey("--candidates") ? whole(o, "--candidates", o.get("--candidates")) : 3;
        Path out = TuneArgs.out(required(o, "--out", "--out out/self-improve"));
        Path cache = o.containsKey("--cache") && !o.get("--cache").equals("default")
                ? TuneArgs.cacheDir(o.get("--cache")) : MeasurementCache.defaultDirectory();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new SelfImproveRequest(train, holdout, generations, budget, candidates, seed, out, classpath, java, cache,
                selfMethods, selfBudget);
    }

    private static Duration selfBudget(String value) {
        try {
            return Budgets.parse(value);
        } catch (TuneException e) {
            throw new TuneException("--tune-self-budget", "--tune-self-budget '" + value + "' is not a duration: write it"
                    + " like --tune-self-budget 30s (each own method's tuning)");
        }
    }

    private static SelfTuning realSelfTuner(SelfImproveRequest r, java.util.function.Consumer<String> progress) {
        return SelfTuner.start(r.tuneSelfMethods(), r.tuneSelfBudget(), r.out().resolve("work").resolve("self-tuning"),
                r.out().resolve("self-tuned"), progress);
    }

    private static Path file(Map<String, String> o, String option) {
        Path p = Path.of(required(o, option, option + " targets.txt (one method per line)"));
        if (!Files.isRegularFile(p)) {
            throw new TuneException(option, option + " file '" + p + "' does not exist: name a targets file, one method per line");
        }
        return p;
    }

    private static String required(Map<String, String> o, String option, String example) {
        String v = o.get(option);
        if (v == null) {
            throw new TuneException(option, "missing " + option + ": give it like " + example);
        }
        return v;
    }

    private static int whole(Map<String, String> o, String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TuneException(option, option + " '" + value + "' is not a whole number: write it like " + option + " 3");
        }
    }
}
