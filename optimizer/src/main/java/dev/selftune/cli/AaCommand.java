package dev.selftune.cli;

import dev.selftune.api.AaSummary;
import dev.selftune.api.Progress;
import dev.selftune.api.Selftune;
import dev.selftune.api.Speedup;
import dev.selftune.api.TuneException;
import dev.selftune.api.TuneRequest;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code selftune aa}: runs the decision on A/A pairs (a variant byte-identical to the original) and
 * prints how many were wrongly decided {@code swap}. Takes tune's options (no --out) plus
 * {@code --comparisons N} (default 20), {@code --max-false N} (default 1, the exit-code threshold) and
 * {@code --max-pairs N} (default 15: how far a comparison's sequential looks may grow).
 */
public final class AaCommand {
    static final int DEFAULT_COMPARISONS = 20;
    /** Pairs a comparison may grow to: the third look (6, 10, 15 pairs), what a 2-minute tune budget affords here. */
    static final int DEFAULT_MAX_PAIRS = 15;

    private AaCommand() { }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>();
        int comparisons = DEFAULT_COMPARISONS;
        int maxFalse = 1;
        int maxPairs = DEFAULT_MAX_PAIRS;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--comparisons") || args[i].equals("--max-false") || args[i].equals("--max-pairs")) {
                if (i + 1 >= args.length) {
                    throw new TuneException(args[i], "option " + args[i] + " needs a whole number, like " + args[i] + " 20");
                }
                int v = whole(args[i], args[++i]);
                if (args[i - 1].equals("--comparisons")) {
                    comparisons = v;
                } else if (args[i - 1].equals("--max-pairs")) {
                    maxPairs = v;
                } else {
                    maxFalse = v;
                }
            } else {
                rest.add(args[i]);
            }
        }
        if (comparisons < 1) {
            throw new TuneException("--comparisons", "--comparisons must be at least 1, like --comparisons 20");
        }
        TuneRequest req = TuneArgs.request(TuneOptions.parse(rest.toArray(new String[0])), Progress.NONE, false);
        AaSummary s = Selftune.aaCheck(req, comparisons, maxPairs, err::println);
        double lo = s.speedups().stream().mapToDouble(Speedup::ratio).min().orElse(Double.NaN);
        double hi = s.speedups().stream().mapToDouble(Speedup::ratio).max().orElse(Double.NaN);
        out.printf("A/A: %d of %d byte-identical comparisons wrongly decided swap (allowed: %d); point speedups %.3f..%.3f; %.0f s%n",
                s.falseSwaps(), s.comparisons(), maxFalse, lo, hi, s.seconds());
        return s.falseSwaps() <= maxFalse ? Main.OK : Main.INTERNAL_ERROR;
    }

    private static int whole(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TuneException(option, option + " '" + value + "' is not a whole number, like " + option + " 20");
        }
    }
}
