package dev.selftune.meta;

import dev.selftune.api.MethodRef;
import dev.selftune.api.TuneException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a targets file: one method per line as {@code tune --target} takes it, optionally followed by
 * {@code inputs=<class>#<method>}, {@code fp=<tolerance>} and {@code sizes=16,1024}; {@code #} starts
 * a comment. The first bad line is an error naming the file, the line number and the fix, before
 * anything runs.
 */
public final class TargetsFile {
    private static final Pattern PROVIDER = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$.]*#[\\p{L}_$][\\p{L}\\p{N}_$]*");

    private TargetsFile() { }

    /** The targets in {@code file}; {@code option} (like {@code --train}) names it in errors. */
    public static List<MetaTarget> read(String option, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new TuneException(option, option + " file " + file + " cannot be read (" + e.getMessage()
                    + "): name a file with one method per line, like com.acme.Foo#bar");
        }
        return parse(option, file.toString(), lines);
    }

    static List<MetaTarget> parse(String option, String name, List<String> lines) {
        List<MetaTarget> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            int hash = commentStart(text);
            String line = (hash < 0 ? text : text.substring(0, hash)).strip();
            if (line.isEmpty()) {
                continue;
            }
            MetaTarget t = parseLine(line, i + 1, msg -> new TuneException(option,
                    option + " " + name + ":" + msg));
            if (seen.contains(t.method())) {
                throw new TuneException(option, option + " " + name + ":" + (i + 1) + ": " + t.method()
                        + " is listed twice: list each method once");
            }
            seen.add(t.method());
            out.add(t);
        }
        if (out.isEmpty()) {
            throw new TuneException(option, option + " " + name + " names no method: write one per line, like com.acme.Foo#bar");
        }
        return out;
    }

    /*
     * '#' separates class and method in a target, so only a '#' at the start of a line or after
     * whitespace starts a comment.
     */
    private static int commentStart(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static MetaTarget parseLine(String line, int number, java.util.function.Function<String, TuneException> bad) {
        String[] words = line.split("\\s+");
        String method = words[0];
        try {
            MethodRef.parse(method);
        } catch (IllegalArgumentException e) {
            throw bad.apply(number + ": '" + method + "' is not a target (" + e.getMessage()
                    + "): write it as tune --target takes it, like com.acme.Foo#bar");
        }
        String inputs = null;
        Double fp = null;
        int[] sizes = null;
        for (int w = 1; w < words.length; w++) {
            String word = words[w];
            int eq = word.indexOf('=');
            String key = eq < 0 ? word : word.substring(0, eq);
            String value = eq < 0 ? "" : word.substring(eq + 1);
            if (eq < 0 || value.isEmpty()) {
                throw bad.apply(number + ": '" + word + "' is not key=value: after the method write inputs=<class>#<method>,"
                        + " fp=<tolerance> or sizes=16,1024");
            }
            if ((key.equals("inputs") && inputs != null) || (key.equals("fp") && fp != null)
                    || (key.equals("sizes") && sizes != null)) {
                throw bad.apply(number + ": " + key + "= is given twice: give it once");
            }
            switch (key) {
                case "inputs" -> {
                    if (!PROVIDER.matcher(value).matches()) {
                        throw bad.apply(number + ": inputs='" + value + "' must be <binary class name>#<static no-arg method"
                                + " returning Object[][]>, like inputs=com.acme.Inputs#rows");
                    }
                    inputs = value;
                }
                case "fp" -> fp = tolerance(value, number, bad);
                case "sizes" -> sizes = sizes(value, number, bad);
                default -> throw bad.apply(number + ": unknown key '" + key + "': known keys are inputs, fp, sizes");
            }
        }
        if (inputs != null && sizes != null) {
            throw bad.apply(number + ": inputs= and sizes= together: sizes shape generated inputs only; drop one");
        }
        return new MetaTarget(method, inputs, fp, sizes, number);
    }

    private static Double tolerance(String value, int number, java.util.function.Function<String, TuneException> bad) {
        double d;
        try {
            d = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!(d > 0 && d < 1)) {
            throw bad.apply(number + ": fp='" + value + "' must be a relative error in (0, 1), like fp=1e-9");
        }
        return d;
    }

    private static int[] sizes(String value, int number, java.util.function.Function<String, TuneException> bad) {
        String[] parts = value.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                out[i] = -1;
            }
            if (out[i] < 0 || out[i] > 1 << 24) {
                throw bad.apply(number + ": sizes='" + value + "': '" + parts[i] + "' is not a size in 0.." + (1 << 24)
                        + "; write them like sizes=16,1024");
            }
        }
        return out;
    }
}
