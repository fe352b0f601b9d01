package dev.selftune.target;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;

/**
 * Which class names {@code tune} refuses, decided by name: the JDK's, and the libraries selftune
 * bundles under its own namespace. selftune's own classes are tunable like any user's when the
 * user's class path holds them ({@code tune --classpath optimizer/target/classes --target dev.selftune…}):
 * a target is loaded in a world of its own whose parent is the platform loader, so tuning a copy
 * never touches the running selftune (the agent keeps its own exclusions, see agent/ClassPattern).
 */
final class OwnClasses {
    /** Packages of the JDK and its vendors' internals. */
    private static final String[] JDK_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};
    /** Where the shaded jar relocates every library it bundles (ASM, ByteBuddy, JMH and JMH's dependencies). */
    static final String SHADED = "dev.selftune.shaded.";
    /** JMH under its own name: selftune's measuring harness when it runs unshaded (from target/classes, in tests). */
    static final String JMH = "org.openjdk.jmh.";

    private OwnClasses() { }

    /*
     * Why by name and not by "the class is in selftune's jar": an unshaded selftune (tests, an IDE) has
     * its libraries on its class path under their own names, and older jars carried commons-math3
     * unrelocated. Presence on selftune's class path refused every method of those libraries,
     * although the user's copy on --classpath is a separate class in a separate loader. The same
     * holds for selftune's own classes: issue 7 has selftune tune its own hot methods, from a copy
     * on --classpath, so only the relocated libraries (a user tunes those from the library's own
     * jar) and the harness stay refused.
     */

    static boolean isJdk(String binaryName) {
        for (String p : JDK_PREFIXES) {
            if (binaryName.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** True for the libraries selftune bundles, as named inside selftune (relocated, or JMH unshaded). */
    static boolean isBundled(String binaryName) {
        return binaryName.startsWith(SHADED) || binaryName.startsWith(JMH);
    }
}
