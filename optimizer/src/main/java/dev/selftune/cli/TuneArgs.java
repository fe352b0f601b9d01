package dev.selftune.cli;

import dev.selftune.api.Progress;
import dev.selftune.api.TuneException;
import dev.selftune.api.TuneRequest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns checked-for-shape {@link TuneOptions} into a {@link TuneRequest}: parses numbers, sizes and
 * the budget, and checks every path, so bad input fails in a second rather than after the budget.
 */
final class TuneArgs {
    private static final Pattern PROVIDER = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$.]*#[\\p{L}_$][\\p{L}\\p{N}_$]*");

    private TuneArgs() { }

    static TuneRequest request(TuneOptions o, Progress progress) {
        return request(o, progress, true);
    }

    /** As {@link #request(TuneOptions, Progress)}; {@code outRequired} is false for commands that write no report. */
    static TuneRequest request(TuneOptions o, Progress progress, boolean outRequired) {
        TuneRequest.Builder b = TuneRequest.builder();
        b.classpath(classpath(o.required("--classpath")));
        String target = o.required("--target");
        try {
            b.target(target);
        } catch (IllegalArgumentException e) {
            throw new TuneException("--target", "--target " + e.getMessage());
        }
        if (outRequired || o.get("--out") != null) {
            b.out(out(o.required("--out")));
        }
        String inputs = o.get("--inputs");
        if (inputs != null) {
            if (!PROVIDER.matcher(inputs).matches()) {
                throw new TuneException("--inputs", "--inputs '" + inputs + "' must be <binary class name>#<static no-arg method"
                        + " returning Object[][]>, like com.acme.Inputs#rows");
            }
            b.inputsProvider(inputs);
        }
        if (o.get("--inputs-file") != null) {
            b.inputsFile(existingFile("--inputs-file", o.get("--inputs-file")));
        }
        if (o.get("--policy") != null) {
            b.policyFile(existingFile("--policy", o.get("--policy")));
        }
        if (o.get("--cache") != null) {
            if (o.get("--cache").equals("default")) {
                b.defaultCache();
            } else {
                b.cacheDir(cacheDir(o.get("--cache")));
            }
        }
        if (o.get("--sizes") != null) {
            b.sizes(sizes(o.get("--sizes")));
        }
        if (o.get("--budget") != null) {
            b.budget(Budgets.parse(o.get("--budget")));
        }
        if (o.get("--seed") != null) {
            b.seed(whole("--seed", o.get("--seed")));
        }
        if (o.get("--allow-fp-reassociation") != null) {
            b.allowFpReassociation(decimal("--allow-fp-reassociation", o.get("--allow-fp-reassociation"), "1e-9"));
        }
        if (o.get("--min-speedup") != null) {
            b.minSpeedup(decimal("--min-speedup", o.get("--min-speedup"), "1.05"));
        }
        if (o.get("--confidence") != null) {
            String c = o.get("--confidence").trim();
            b.confidence(c.endsWith("%")
                    ? decimal("--confidence", c.substring(0, c.length() - 1), "0.95") / 100
                    : decimal("--confidence", c, "0.95"));
        }
        if (o.get("--fork-jvm-flags") != null) {
            for (String flag : o.get("--fork-jvm-flags").trim().split("\\s+")) {
                if (flag.isEmpty()) {
                    continue;
                }
                if (!flag.startsWith("-")) {
                    throw new TuneException("--fork-jvm-flags", "--fork-jvm-flags: '" + flag + "' is not a JVM flag: "
                            + Usage.hint("--fork-jvm-flags"));
                }
                b.forkJvmArg(flag);
            }
        }
        return b.progress(progress).build();
    }

    /** Splits on the platform's path separator (':' on Unix) and checks that every entry exists. */
    static List<Path> classpath(String value) {
        List<Path> entries = new ArrayList<>();
        for (String part : value.split(Pattern.quote(File.pathSeparator))) {
            if (part.isBlank()) {
                continue;
            }
            Path p = path("--classpath", part);
            if (!Files.exists(p)) {
                throw new TuneException("--classpath", "class-path entry '" + part + "' does not exist (looked for "
                        + p.toAbsolutePath().normalize() + "): fix the path, or build the project that produces it first");
            }
            entries.add(p);
        }
        if (entries.isEmpty()) {
            throw new TuneException("--classpath", "--classpath '" + value + "' names no entry: " + Usage.hint("--classpath"));
        }
        return entries;
    }

    /* Checked up front so a two-minute run cannot end in "permission denied" with nothing to show. */
    static Path out(String value) {
        Path out = path("--out", value);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new TuneException("--out", "--out '" + value + "' is a file: name a directory (it is created if missing)");
        }
        Path existing = out.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new TuneException("--out", "--out '" + value + "' cannot be written: " + existing
                    + " is not a writable directory; pick a directory you can write to");
        }
        return out;
    }

    static Path cacheDir(String value) {
        Path dir = path("--cache", value);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new TuneException("--cache", "--cache '" + value + "' is a file: name a directory (it is created if missing),"
                    + " or 'default' for the user's cache directory");
        }
        return dir;
    }

    static int[] sizes(String value) {
        String[] parts = value.split(",");
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                sizes[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new TuneException("--sizes", "--sizes '" + value + "': '" + parts[i].trim()
                        + "' is not a whole number; write sizes like --sizes 16,1024,65536");
            }
        }
        return sizes;
    }

    private static long whole(String option, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new TuneException(option, option + " '" + value + "' is not a whole number: write it like " + option + " 42");
        }
    }

    private static double decimal(String option, String value, String example) {
        double d;
        try {
            d = Double.parseDouble(value.trim().toLowerCase(Locale.ROOT).replaceAll("[df]$", "x"));
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!Double.isFinite(d)) {
            throw new TuneException(option, option + " '" + value + "' is not a number: write it like " + option + " " + example);
        }
        return d;
    }

    private static Path existingFile(String option, String value) {
        Path p = path(option, value);
        if (!Files.isRegularFile(p)) {
            throw new TuneException(option, option + " '" + value + "' is not a file (looked for "
                    + p.toAbsolutePath().normalize() + "): check the path");
        }
        return p;
    }

    private static Path path(String option, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TuneException(option, option + " '" + value + "' is not a valid path: " + e.getReason());
        }
    }
}
