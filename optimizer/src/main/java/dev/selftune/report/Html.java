package dev.selftune.report;

import java.util.Locale;

/** HTML escaping and number formatting shared by the report's page and chart. */
final class Html {
    private Html() { }

    /** Escapes text for element content and double-quoted attribute values; null becomes empty. */
    static String esc(Object o) {
        if (o == null) {
            return "";
        }
        String s = dev.selftune.util.Utf16.escapeLoneSurrogates(o.toString());
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A ratio like {@code 1.84×}. */
    static String ratio(double r) {
        return fmt(r, r >= 100 ? 0 : 2) + "\u00d7";
    }

    /** A number with {@code digits} decimals, locale-independent. */
    static String fmt(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** A score with about three significant digits: 1234, 12.3, 0.0123. */
    static String sig(double v) {
        return fmt(v, digits(v));
    }

    /** Decimals that give {@code v} about three significant digits. */
    static int digits(double v) {
        double a = Math.abs(v);
        return a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.1 ? 3 : 4;
    }
}
