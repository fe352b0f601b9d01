package dev.selftune.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * Self-tuning's winners ({@code self-improve --tune-self} writes them to {@code <out>/self-tuned/}) made ready for
 * this jar: {@code main(tunedDir, outDir)} copies them with optimizer.jar's shaded library names mapped back to the
 * names this jar bundles; {@link #check} makes a fork prove it runs on them.
 */
public final class SelfTunedClasses {
    /*
     * The winners were tuned against optimizer.jar, whose ASM, ByteBuddy, JMH and their libraries are
     * relocated under dev.selftune.shaded (optimizer/pom.xml); benchmarks.jar bundles selftune's
     * classes with the libraries under their own names. A winner such as ValueGenerator names
     * dev/selftune/shaded/asm/Type in its signatures: put first on this jar's class path unchanged, its
     * callers (from this jar) would link against org/objectweb/asm/Type and fail with NoSuchMethodError.
     * Mapping the relocations back is the inverse of the shade plugin's class relocation.
     */
    static final Map<String, String> UNSHADE = Map.of(
            "dev/selftune/shaded/asm/", "org/objectweb/asm/",
            "dev/selftune/shaded/bytebuddy/", "net/bytebuddy/",
            "dev/selftune/shaded/math3/", "org/apache/commons/math3/",
            "dev/selftune/shaded/joptsimple/", "joptsimple/",
            "dev/selftune/shaded/jmh/", "org/openjdk/jmh/");
    /** The system property naming the directory of self-tuned classes a fork must run on. */
    static final String PROPERTY = "selftune.selfTuned";

    private SelfTunedClasses() { }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SelfTunedClasses <self-tuned dir> <out dir>");
            System.exit(2);
        }
        List<String> names = copy(Path.of(args[0]), Path.of(args[1]));
        if (names.isEmpty()) {
            System.err.println("[selftune-bench] no class files in " + args[0] + ": self-tuning confirmed no winner there");
            System.exit(3);
        }
        System.out.println(String.join("\n", names));
    }

    /** Copies every class file under {@code from} to {@code to}, unshaded; returns their binary names. */
    static List<String> copy(Path from, Path to) throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(from)) {
            throw new IOException(from + " is not a directory: pass the self-tuned directory of a self-improve --tune-self run");
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                byte[] out = unshade(Files.readAllBytes(f));
                String internal = new ClassReader(out).getClassName();
                Path target = to.resolve(internal + ".class");
                Files.createDirectories(target.getParent());
                Files.write(target, out);
                names.add(internal.replace('/', '.'));
            }
        }
        return names;
    }

    static byte[] unshade(byte[] classFile) {
        ClassWriter cw = new ClassWriter(0);
        new ClassReader(classFile).accept(new ClassRemapper(cw, new Remapper() {
            @Override
            public String map(String internalName) {
                for (Map.Entry<String, String> e : UNSHADE.entrySet()) {
                    if (internalName.startsWith(e.getKey())) {
                        return e.getValue() + internalName.substring(e.getKey().length());
                    }
                }
                return internalName;
            }
        }), 0);
        return cw.toByteArray();
    }

    /**
     * With {@link #PROPERTY} set, checks that every class file in that directory is the class this JVM loaded
     * (the directory came first on the class path) and returns how many; 0 without the property.
     */
    static int check() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isEmpty()) {
            return 0;
        }
        Path root = Path.of(dir).toAbsolutePath().normalize();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                String rel = root.relativize(p).toString();
                names.add(rel.substring(0, rel.length() - ".class".length()).replace(java.io.File.separatorChar, '.'));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String n : names) {
            Path from = codeSource(n);
            if (from == null || !from.toAbsolutePath().normalize().startsWith(root)) {
                throw new IllegalStateException("self-tuned class " + n + " was loaded from " + from + ", not from " + root
                        + ": put " + root + " first on the class path (java -cp " + root + ":benchmarks.jar org.openjdk.jmh.Main ...)");
            }
        }
        System.out.println("[selftune-bench] running on " + names.size() + " self-tuned class(es) from " + root + ": " + names);
        return names.size();
    }

    private static Path codeSource(String name) {
        try {
            CodeSource cs = Class.forName(name, false, SelfTunedClasses.class.getClassLoader()).getProtectionDomain().getCodeSource();
            return cs == null ? null : Path.of(cs.getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException | LinkageError e) {
            throw new IllegalStateException("self-tuned class " + name + " cannot be loaded here (" + e + ")", e);
        }
    }
}
