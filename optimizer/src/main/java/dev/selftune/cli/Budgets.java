package dev.selftune.cli;

import dev.selftune.api.TuneException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code --budget}: {@code 120s}, {@code 2m}, {@code 90} (seconds), {@code 1m30s}, {@code 1h}, {@code 500ms}, or ISO-8601 {@code PT2M}. */
final class Budgets {
    private static final Pattern PLAIN = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private Budgets() { }

    static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration d;
        if (PLAIN.matcher(t).matches()) {
            d = nanos(Double.parseDouble(t) * 1e9);
        } else if (t.startsWith("pt") || t.startsWith("p")) {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw bad(text);
            }
        } else {
            d = Duration.ZERO;
            Matcher m = PART.matcher(t);
            int pos = 0;
            while (pos < t.length() && m.find(pos) && m.start() == pos) {
                double v = Double.parseDouble(m.group(1));
                double unitSeconds = switch (m.group(2)) {
                    case "h" -> 3600;
                    case "m" -> 60;
                    case "s" -> 1;
                    default -> 1e-3;
                };
                d = d.plus(nanos(v * unitSeconds * 1e9));
                pos = m.end();
            }
            if (pos != t.length() || t.isEmpty()) {
                throw bad(text);
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw new TuneException("--budget", "--budget '" + text + "' must be longer than zero: give the time tuning may take, like 120s");
        }
        return d;
    }

    private static Duration nanos(double n) {
        return Duration.ofNanos(Math.round(n));
    }

    private static TuneException bad(String text) {
        return new TuneException("--budget", "--budget '" + text
                + "' is not a duration: write it like 120s, 90 (seconds), 2m, 1m30s or 1h");
    }

    /** {@code 1m30s}, {@code 45s}, {@code 2h5m}: for messages and the summary. */
    static String format(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        if (s < 60) {
            return s + "s";
        }
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long r = s % 60;
        return (h > 0 ? h + "h" : "") + (m > 0 ? m + "m" : "") + (r > 0 && h == 0 ? r + "s" : "");
    }
}
