package dev.selftune.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Finds loaded classes by name and reads the class file they were defined from, through their own loader. */
final class ClassFiles {
    /*
     * The bytes come from the defining loader's resource (loader.getResourceAsStream), i.e. the class
     * file on disk, not what other agents may have woven into the loaded class: the wisdom hash and the
     * out-of-process tuner both see the same file. Classes without a resource (generated, hidden,
     * lambda proxies) are never candidates. getAllLoadedClasses is a JVMTI snapshot; it is called on
     * the agent thread once per selection round, never on a host thread.
     */
    private ClassFiles() { }

    /** The loaded class with this binary name that the instrumentation may modify, or null. */
    static Class<?> find(Instrumentation inst, String binaryName) {
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.getName().equals(binaryName) && !c.isArray() && !c.isHidden() && inst.isModifiableClass(c)) {
                return c;
            }
        }
        return null;
    }

    /** The class file of {@code c} read through its loader, or null when there is none. */
    static byte[] read(Class<?> c) {
        return read(c.getClassLoader(), c.getName().replace('.', '/'));
    }

    /** The class file named by its internal name, read through {@code loader}, or null. */
    static byte[] read(ClassLoader loader, String internalName) {
        if (loader == null) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** True when {@code c} was loaded from the agent's own jar or directory. */
    static boolean isOwn(Class<?> c) {
        return sameLocation(c, ClassFiles.class);
    }

    private static boolean sameLocation(Class<?> a, Class<?> b) {
        try {
            CodeSource ca = a.getProtectionDomain().getCodeSource();
            CodeSource cb = b.getProtectionDomain().getCodeSource();
            URL la = ca == null ? null : ca.getLocation();
            URL lb = cb == null ? null : cb.getLocation();
            return la != null && lb != null && la.toString().equals(lb.toString());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Lower-case hex SHA-256 of the bytes. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
