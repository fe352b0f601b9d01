package dev.selftune.cli;

import dev.selftune.api.TuneException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The raw {@code tune} command line: each option's text value, checked for shape (known option,
 * given once, has a value) but not yet for meaning; {@link TuneArgs} turns it into a request.
 */
final class TuneOptions {
    /** Options that take a value, in the order usage lists them. */
    static final List<String> VALUED = List.of("--classpath", "--target", "--inputs", "--inputs-file", "--sizes",
            "--budget", "--seed", "--allow-fp-reassociation", "--min-speedup", "--confidence", "--policy", "--cache", "--out",
            "--fork-jvm-flags");
    static final Set<String> FLAGS = Set.of("--quiet", "--debug", "--help", "-h");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> flags = new java.util.HashSet<>();

    private TuneOptions() { }

    static TuneOptions parse(String[] args) {
        TuneOptions o = new TuneOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (FLAGS.contains(name)) {
                if (eq >= 0) {
                    throw new TuneException(name, "option " + name + " takes no value: write just " + name);
                }
                o.flags.add(name.equals("-h") ? "--help" : name);
            } else if (VALUED.contains(name)) {
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                } else {
                    value = null;
                }
                if (value == null || value.isBlank()) {
                    throw new TuneException(name, "option " + name + " needs a value: " + Usage.hint(name));
                }
                if (o.values.put(name, value) != null) {
                    throw new TuneException(name, "option " + name + " is given twice: pass it once");
                }
            } else if (arg.startsWith("-")) {
                String near = nearest(name);
                throw new TuneException(name, "unknown option '" + name + "' for tune: "
                        + (near != null ? "did you mean " + near + "? " : "") + "see 'selftune help tune'");
            } else {
                throw new TuneException(arg, "unexpected argument '" + arg
                        + "': tune takes only options, like --target com.acme.Foo#bar; see 'selftune help tune'");
            }
        }
        return o;
    }

    String get(String name) {
        return values.get(name);
    }

    /** The value of a required option, or a one-line error saying how to give it. */
    String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new TuneException(name, "missing " + name + ": " + Usage.hint(name));
        }
        return v;
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    /* Suggests the known option within edit distance 2 of a misspelt one (--budjet, --class-path). */
    private static String nearest(String name) {
        String best = null;
        int bestDistance = 3;
        for (String known : VALUED) {
            int d = distance(name, known);
            if (d < bestDistance) {
                best = known;
                bestDistance = d;
            }
        }
        for (String known : List.of("--quiet", "--debug", "--help")) {
            int d = distance(name, known);
            if (d < bestDistance) {
                best = known;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
