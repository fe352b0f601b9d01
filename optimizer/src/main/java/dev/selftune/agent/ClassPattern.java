package dev.selftune.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The include and exclude class-name globs of the agent ({@code com.acme.**} for a package and its
 * sub-packages, {@code com.acme.*} for one package, or an exact name), with JDK and selftune's own
 * classes always refused.
 */
final class ClassPattern {
    /*
     * Invariant 4 (DESIGN.md): the agent never touches JDK classes nor its own. The name check below
     * is the cheap first line; AgentDaemon also refuses any class whose code source is the agent jar.
     * dev.selftune.* is allowed only when an include pattern names it explicitly (the self-improvement
     * loop and our own test applications), never through a broader glob such as "dev.**".
     */
    private static final String[] JDK_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "org.graalvm.", "dev.selftune.shaded."};
    private static final String SELF = "dev.selftune.";

    private final List<String> includes;
    private final List<String> excludes;
    private final List<Pattern> include;
    private final List<Pattern> exclude;
    private final boolean selfNamed;

    ClassPattern(List<String> includes, List<String> excludes) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
        this.include = compile(includes);
        this.exclude = compile(excludes);
        this.selfNamed = includes.stream().anyMatch(s -> s.startsWith(SELF));
    }

    /** True when the binary class name is included, not excluded, and neither JDK nor selftune's own. */
    boolean matches(String binaryName) {
        if (binaryName == null || isProtected(binaryName)) {
            return false;
        }
        if (binaryName.startsWith(SELF) && !selfNamed) {
            return false;
        }
        return include.stream().anyMatch(p -> p.matcher(binaryName).matches())
                && exclude.stream().noneMatch(p -> p.matcher(binaryName).matches());
    }

    /** Classes the agent refuses whatever the patterns say. */
    static boolean isProtected(String binaryName) {
        for (String p : JDK_PREFIXES) {
            if (binaryName.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** True when a glob could match something the agent is allowed to touch. */
    static boolean canMatchUserClasses(String glob) {
        String probe = glob.replace("**", "x.Y").replace("*", "Y");
        return !isProtected(probe);
    }

    List<String> includes() {
        return includes;
    }

    List<String> excludes() {
        return excludes;
    }

    static Pattern toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^.]*");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    private static List<Pattern> compile(List<String> globs) {
        List<Pattern> out = new ArrayList<>();
        for (String g : globs) {
            out.add(toRegex(g));
        }
        return out;
    }

    @Override
    public String toString() {
        return "include=" + includes + (excludes.isEmpty() ? "" : " exclude=" + excludes);
    }
}
