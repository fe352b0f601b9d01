package dev.selftune.mutate;

import dev.selftune.api.TuneRequest;
import dev.selftune.generate.ClassBytes;
import dev.selftune.inputs.InputSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** The methods the suite mutates: the samples (samples.tsv, then every other public static method) and the test specimens. */
final class Subjects {
    /** The seed {@code tune} uses by default. */
    static final long SEED = 1;
    static final List<String> SPECIMENS = List.of("dev.selftune.generate.specimens.Loops",
            "dev.selftune.generate.specimens.Plain", "dev.selftune.generate.specimens.Sorts",
            "dev.selftune.generate.specimens.Weights", "dev.selftune.generate.nestspecimens.Nests",
            "dev.selftune.mutate.specimens.Tally");

    private Subjects() { }

    static Path testClasses() {
        try {
            return Path.of(Subjects.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static InputSource defaults() {
        return new InputSource(SEED, TuneRequest.DEFAULT_SIZES, null, null);
    }

    /** Every public method with parameters of each specimen class, verified with tune's default inputs. */
    static List<Subject> specimens(List<String> classes, List<String> skipped) {
        List<Subject> out = new ArrayList<>();
        List<Path> cp = List.of(testClasses());
        for (String c : classes) {
            for (MethodNode m : publicMethods(read(cp.get(0), c), false)) {
                add(out, skipped, simple(c) + "." + m.name, cp, c + "#" + m.name + m.desc, defaults(), null);
            }
        }
        return out;
    }

    /** Adds the subject, or to {@code skipped} why tune refuses it (as tune would refuse it). */
    private static Subject add(List<Subject> out, List<String> skipped, String label, List<Path> cp, String spec,
                               InputSource src, Double tol) {
        try {
            Subject s = Subject.of(label, cp, spec, src, tol);
            out.add(s);
            return s;
        } catch (dev.selftune.api.TuneException e) {
            skipped.add(label + ": tune refuses it: " + e.getMessage());
            return null;
        }
    }

    /** The rows of {@code tsv} (name, target, tune options), then the other public static methods of those classes. */
    static List<Subject> samples(Path classes, Path tsv, List<String> skipped) {
        List<Subject> out = new ArrayList<>();
        List<Path> cp = List.of(classes);
        Set<String> seen = new HashSet<>();
        Set<String> owners = new java.util.TreeSet<>();
        try {
            for (String line : Files.readAllLines(tsv)) {
                String[] f = line.split("\t", -1);
                if (line.isBlank() || line.startsWith("#") || f.length < 2) {
                    continue;
                }
                String[] opts = f.length > 2 && !f[2].isBlank() ? f[2].trim().split("\\s+") : new String[0];
                long seed = SEED;
                int[] sizes = TuneRequest.DEFAULT_SIZES;
                String provider = null;
                Double tol = null;
                for (int i = 0; i + 1 < opts.length; i += 2) {
                    switch (opts[i]) {
                        case "--sizes" -> sizes = Stream.of(opts[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                        case "--inputs" -> provider = opts[i + 1];
                        case "--allow-fp-reassociation" -> tol = Double.parseDouble(opts[i + 1]);
                        case "--seed" -> seed = Long.parseLong(opts[i + 1]);
                        default -> { }
                    }
                }
                Subject s = add(out, skipped, f[0], cp, f[1], new InputSource(seed, sizes, provider, null), tol);
                if (s != null) {
                    seen.add(s.owner() + "#" + s.name() + s.desc());
                    owners.add(s.owner());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String c : owners) {
            for (MethodNode m : publicMethods(read(classes, c), true)) {
                if (seen.add(c + "#" + m.name + m.desc)) {
                    add(out, skipped, simple(c) + "." + m.name, cp, c + "#" + m.name + m.desc, defaults(), null);
                }
            }
        }
        return out;
    }

    static ClassNode read(Path root, String c) {
        try {
            return ClassBytes.read(Files.readAllBytes(root.resolve(c.replace('.', '/') + ".class")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<MethodNode> publicMethods(ClassNode cn, boolean staticOnly) {
        return cn.methods.stream()
                .filter(m -> (m.access & Opcodes.ACC_PUBLIC) != 0 && !m.name.startsWith("<") && !m.name.equals("main")
                        && Type.getArgumentTypes(m.desc).length > 0 && (!staticOnly || (m.access & Opcodes.ACC_STATIC) != 0))
                .sorted((a, b) -> (a.name + a.desc).compareTo(b.name + b.desc)).toList();
    }

    private static String simple(String c) {
        return c.substring(c.lastIndexOf('.') + 1);
    }
}
