package dev.selftune.target;

import dev.selftune.api.MethodRef;
import dev.selftune.api.TuneException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Finds the target's class file on the user's class path, resolves the method and checks it may be tuned. */
public final class TargetLoader {
    /** Class-file major version of Java 1.1, the oldest selftune reads. */
    public static final int MIN_CLASS_VERSION = ClassVersion.OLDEST;

    private TargetLoader() { }

    public static Target load(List<Path> classpath, MethodRef ref) {
        for (Path p : classpath) {
            if (!Files.exists(p)) {
                throw new TuneException(p.toString(), "class path entry " + p
                        + " does not exist: fix --classpath (':'-separated jars and directories)");
            }
        }
        if (OwnClasses.isJdk(ref.owner())) {
            throw new TuneException(ref.owner(), "class " + ref.owner()
                    + " belongs to the JDK, which is never tuned: name one of your own classes");
        }
        if (OwnClasses.isBundled(ref.owner())) {
            throw new TuneException(ref.owner(), "class " + ref.owner()
                    + " is a library bundled inside selftune, which is never tuned: tune it from the library's own jar"
                    + " under its published name");
        }
        byte[] bytes = readClass(classpath, ref.owner());
        if (bytes.length >= 8 && ClassVersion.major(bytes) == ClassVersion.OLDEST && ClassVersion.minor(bytes) < 3) {
            throw new TuneException(ref.owner(), "class " + ref.owner() + " has class-file version 45." + ClassVersion.minor(bytes)
                    + ", the JDK 1.0 layout (one-byte max_stack) that selftune cannot read: recompile it with any later javac");
        }
        ClassNode cn = new ClassNode();
        try {
            new ClassReader(bytes).accept(cn, ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            throw new TuneException(ref.owner(), "class file of " + ref.owner() + " is not readable ("
                    + e.getClass().getSimpleName() + "): it is corrupt or newer than this selftune's ASM", e);
        }
        int major = cn.version & 0xFFFF;
        int newest = ClassVersion.newestRunnable();
        if (major < MIN_CLASS_VERSION || major > newest) {
            throw new TuneException(ref.owner(), "class " + ref.owner() + " has class-file version " + major
                    + "; selftune tunes versions " + MIN_CLASS_VERSION + " (Java 1.1) to " + newest
                    + " (this JVM): recompile it, or run selftune on a newer JVM");
        }
        MethodNode m = resolve(cn, ref);
        Optional<String> why = Eligibility.check(cn, m);
        if (why.isPresent()) {
            throw new TuneException(ref.toString(), why.get());
        }
        MethodRef full = ref.withDescriptor(m.desc);
        return new Target(full, bytes, (m.access & Opcodes.ACC_STATIC) != 0, classpath);
    }

    /** True for JDK classes and the libraries bundled inside selftune (see {@link OwnClasses}), which are never tuned. */
    public static boolean isJdkOrBundled(String binaryName) {
        return OwnClasses.isJdk(binaryName) || OwnClasses.isBundled(binaryName);
    }

    static MethodNode resolve(ClassNode cn, MethodRef ref) {
        List<MethodNode> named = cn.methods.stream().filter(m -> m.name.equals(ref.name())).collect(Collectors.toList());
        if (named.isEmpty()) {
            String all = cn.methods.stream().map(m -> m.name).filter(n -> !n.startsWith("<")).distinct()
                    .sorted().collect(Collectors.joining(", "));
            throw new TuneException(ref.toString(), "class " + ref.owner() + " has no method '" + ref.name()
                    + "'; its methods are: " + (all.isEmpty() ? "(none)" : all));
        }
        if (ref.descriptor() != null) {
            return named.stream().filter(m -> m.desc.equals(ref.descriptor())).findFirst()
                    .orElseThrow(() -> new TuneException(ref.toString(), "no overload of " + ref.owner() + "#"
                            + ref.name() + " has descriptor " + ref.descriptor() + "; the overloads are: " + overloads(ref, named)));
        }
        if (named.size() > 1) {
            throw new TuneException(ref.toString(), ref.owner() + "#" + ref.name()
                    + " is overloaded: add the descriptor to --target, one of: " + overloads(ref, named));
        }
        return named.get(0);
    }

    private static String overloads(MethodRef ref, List<MethodNode> named) {
        return named.stream().map(m -> ref.owner() + "#" + m.name + m.desc).collect(Collectors.joining(", "));
    }

    private static byte[] readClass(List<Path> classpath, String owner) {
        String resource = owner.replace('.', '/') + ".class";
        URL[] urls = classpath.stream().map(TargetLoader::url).toArray(URL[]::new);
        try (URLClassLoader finder = new URLClassLoader(urls, null)) {
            URL found = finder.findResource(resource);
            if (found == null) {
                throw new TuneException(owner, "class " + owner + " is not on the class path " + classpath
                        + ": check the name (binary name, '$' for nested classes) and --classpath");
            }
            try (InputStream in = found.openStream()) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new TuneException(owner, "class " + owner + " could not be read from the class path: " + e.getMessage(), e);
        }
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (IOException e) {
            throw new TuneException(p.toString(), "class path entry " + p + " is not a valid path");
        }
    }
}
