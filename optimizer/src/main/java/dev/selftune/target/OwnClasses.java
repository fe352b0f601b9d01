package dev.selftune.target;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;

/** Which classes belong to the JDK or to selftune itself, decided by name: neither is ever tuned. */
final class OwnClasses {
    /** Packages of the JDK and its vendors' internals. */
    private static final String[] JDK_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};
    /** selftune's namespace; only names under it can be selftune's own. */
    static final String SELF = "dev.selftune.";
    /** Where the shaded jar relocates every library it bundles (ASM, ByteBuddy, JMH and JMH's dependencies). */
    static final String SHADED = "dev.selftune.shaded.";
    /** JMH under its own name: selftune's measuring harness when it runs unshaded (from target/classes, in tests). */
    static final String JMH = "org.openjdk.jmh.";

    private OwnClasses() { }

    /*
     * Why by name and not by "the class is in selftune's jar": an unshaded selftune (tests, an IDE) has
     * its libraries on its class path under their own names, and older jars carried commons-math3
     * unrelocated. Presence on selftune's class path refused every method of those libraries, although the user's copy on --classpath is a separate
     * class in a separate loader (TargetClassLoader's parent is the platform loader, so a target world
     * never sees selftune's copies). Only names in selftune's namespace can be selftune's: the relocated
     * libraries always, and a dev.selftune class when selftune's own code source holds it. The samples
     * and test specimens share the namespace but live elsewhere, so they stay tunable.
     */

    static boolean isJdk(String binaryName) {
        for (String p : JDK_PREFIXES) {
            if (binaryName.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** True for selftune's own classes as found in the running selftune's code source. */
    static boolean isSelftunes(String binaryName) {
        CodeSource own = OwnClasses.class.getProtectionDomain().getCodeSource();
        return isSelftunes(binaryName, own == null ? null : own.getLocation());
    }

    /** True for relocated libraries, and for classes of selftune's namespace that {@code ownCodeSource} holds. */
    static boolean isSelftunes(String binaryName, URL ownCodeSource) {
        if (binaryName.startsWith(SHADED) || binaryName.startsWith(JMH)) {
            return true;
        }
        if (!binaryName.startsWith(SELF) || ownCodeSource == null) {
            return false;
        }
        try (URLClassLoader self = new URLClassLoader(new URL[] {ownCodeSource}, null)) {
            return self.findResource(binaryName.replace('.', '/') + ".class") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
