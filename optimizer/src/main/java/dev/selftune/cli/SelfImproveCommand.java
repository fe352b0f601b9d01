package dev.selftune.cli;

import dev.selftune.api.Selftune;
import dev.selftune.api.TuneException;
import dev.selftune.api.TuneRequest;
import dev.selftune.api.TuneResult;
import dev.selftune.measure.MeasurementCache;
import dev.selftune.meta.MetaRun;
import dev.selftune.meta.MetaTarget;
import dev.selftune.meta.SelfImproveRequest;
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
            "--seed", "--candidates", "--cache", "--out");

    private SelfImproveCommand() { }

    static int run(String[] args, PrintStream out, PrintStream err, Function<TuneRequest, TuneResult> tuner) {
        Map<String, String> o = new LinkedHashMap<>();
        boolean quiet = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.print(Usage.SELF_IMPROVE);
                return Main.OK;
            }
            if (a.equals("--quiet") || a.equals("--debug")) {
                quiet |= a.equals("--quiet");
                continue;
            }
            if (!VALUED.contains(a)) {
                throw new TuneException(a, "unknown option '" + a + "' for self-improve: known options are "
                        + String.join(", ", VALUED) + ", --quiet; see 'selftune help self-improve'");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--") || args[i + 1].isBlank()) {
                throw new TuneException(a, "option " + a + " needs a value; see 'selftune help self-improve'");
            }
            if (o.put(a, args[++i]) != null) {
                throw new TuneException(a, "option " + a + " is given twice: pass it once");
            }
        }
        SelfImproveRequest request = request(o);
        PrintStream log = err;
        MetaRun run = Selftune.selfImprove(request, quiet ? line -> { } : line -> log.println("[self-improve] " + line), tuner);
        List<Path> written = Selftune.writeSelfImprove(run, request.out());
        out.println(run.verdict());
        written.forEach(p -> out.println("  wrote " + p));
        return Main.OK;
    }

    static SelfImproveRequest request(Map<String, String> o) {
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
        return new SelfImproveRequest(train, holdout, generations, budget, candidates, seed, out, classpath, java, cache);
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
