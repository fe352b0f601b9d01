package dev.selftune.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The agent's options, parsed from the {@code -javaagent:optimizer.jar=k=v,k=v} string; {@link #parse}
 * throws {@link AgentOptionException} naming the option, the rule and the fix.
 *
 * <p>Options: {@code include} (required, repeatable, or {@code ;}-separated), {@code exclude},
 * {@code budget} (per method, default 120s), {@code max-methods} (default 3), {@code wisdom},
 * {@code events}, {@code mode} ({@code swap}, {@code advise}, or {@code detect}: sample and capture
 * only), {@code warmup} (sampling window before the first pick, default 20s) and {@code rollback}.
 */
public record AgentOptions(ClassPattern classes, Duration budget, int maxMethods, Path wisdom, Path events,
                           Mode mode, Duration warmup, boolean rollback) {

    /** What the agent does with a winner. */
    public enum Mode { SWAP, ADVISE, DETECT }

    static final String EXAMPLE = "-javaagent:optimizer.jar=include=com.acme.**,budget=120s";

    /** Parses the agent argument string; null or blank is an error because {@code include} is required. */
    public static AgentOptions parse(String args) {
        List<String> includes = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        Duration budget = Duration.ofSeconds(120);
        Duration warmup = Duration.ofSeconds(20);
        int maxMethods = 3;
        Path wisdom = null;
        Path events = null;
        Mode mode = Mode.SWAP;
        boolean rollback = false;
        for (String raw : (args == null ? "" : args).split(",")) {
            String item = raw.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String key = (eq < 0 ? item : item.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? null : item.substring(eq + 1).trim();
            switch (key) {
                case "include" -> includes.addAll(globs(item, value));
                case "exclude" -> excludes.addAll(globs(item, value));
                case "budget" -> budget = duration(item, value, Duration.ofSeconds(5), Duration.ofHours(24));
                case "warmup" -> warmup = duration(item, value, Duration.ofMillis(100), Duration.ofHours(1));
                case "max-methods" -> maxMethods = count(item, value);
                case "wisdom" -> wisdom = path(item, value);
                case "events" -> events = path(item, value);
                case "mode" -> mode = mode(item, value);
                case "rollback" -> {
                    if (value != null && !value.equals("true")) {
                        throw new AgentOptionException(item, "is a flag and takes no value", "write just 'rollback'");
                    }
                    rollback = true;
                }
                default -> throw new AgentOptionException(item, "is not a selftune agent option (known: include, exclude, budget, "
                        + "max-methods, wisdom, events, mode, warmup, rollback)", "check the spelling, like " + EXAMPLE);
            }
        }
        if (includes.isEmpty() && !rollback) {
            throw new AgentOptionException("include", "is required: the agent touches only classes you name",
                    "add include=<your package>.**, like " + EXAMPLE);
        }
        return new AgentOptions(new ClassPattern(includes, excludes), budget, maxMethods, wisdom, events, mode, warmup, rollback);
    }

    private static List<String> globs(String item, String value) {
        if (value == null || value.isBlank()) {
            throw new AgentOptionException(item, "needs a class-name pattern", "write it like include=com.acme.** or include=com.acme.Foo");
        }
        List<String> out = new ArrayList<>();
        for (String g : value.split("[;|]")) {
            String glob = g.trim();
            if (glob.isEmpty()) {
                continue;
            }
            if (glob.contains("/") || !glob.matches("[\\w$.*]+")) {
                throw new AgentOptionException(item, "pattern '" + glob + "' may hold only class-name characters, dots and *",
                        "use dots and globs, like com.acme.** (a package and its sub-packages) or com.acme.*");
            }
            if (item.startsWith("include") && !ClassPattern.canMatchUserClasses(glob)) {
                throw new AgentOptionException(item, "pattern '" + glob + "' names JDK classes, which the agent never touches",
                        "include your application's packages, like include=com.acme.**");
            }
            out.add(glob);
        }
        return out;
    }

    static Duration duration(String item, String value, Duration min, Duration max) {
        Duration d = null;
        if (value != null) {
            String v = value.toLowerCase(Locale.ROOT);
            try {
                if (v.endsWith("ms")) {
                    d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                } else if (v.endsWith("s")) {
                    d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
                } else if (v.endsWith("m")) {
                    d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
                } else if (v.endsWith("h")) {
                    d = Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
                } else {
                    d = Duration.ofSeconds(Long.parseLong(v));
                }
            } catch (NumberFormatException e) {
                d = null;
            }
        }
        if (d == null) {
            throw new AgentOptionException(item, "must be a duration like 120s, 2m or 500ms", "write it like " + item.split("=")[0] + "=120s");
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new AgentOptionException(item, "must be between " + min.toMillis() + " ms and " + max.toSeconds() + " s",
                    "pick a value in that range, like " + item.split("=")[0] + "=120s");
        }
        return d;
    }

    private static int count(String item, String value) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.trim());
            if (n >= 1 && n <= 50) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new AgentOptionException(item, "must be a whole number from 1 to 50", "write it like max-methods=3");
    }

    private static Path path(String item, String value) {
        if (value == null || value.isBlank()) {
            throw new AgentOptionException(item, "needs a file path", "write it like " + item.split("=")[0] + "=/tmp/selftune-" + item.split("=")[0] + ".json");
        }
        try {
            return Path.of(value);
        } catch (RuntimeException e) {
            throw new AgentOptionException(item, "is not a valid path (" + e.getMessage() + ")", "give a plain file path");
        }
    }

    private static Mode mode(String item, String value) {
        if (value != null) {
            for (Mode m : Mode.values()) {
                if (m.name().equalsIgnoreCase(value.trim())) {
                    return m;
                }
            }
        }
        throw new AgentOptionException(item, "must be swap (install winners), advise (report only) or detect (sample and capture only)",
                "write mode=swap or mode=advise");
    }
}
