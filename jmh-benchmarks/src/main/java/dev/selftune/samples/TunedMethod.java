package dev.selftune.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds selftune's winner for a sample in a {@code tune --out} directory and returns a handle to the
 * tuned method, or to the original (with a log line saying so) when there is no winner.
 *
 * <p>The directory comes from the benchmark's {@code tuned} {@code @Param} when set, else from the
 * system property {@value #PROPERTY}. It is either one out directory ({@code <dir>/winner/…}) or a
 * directory of out directories named after the samples in {@code samples/samples.tsv}
 * ({@code <dir>/matrix-multiply/winner/…}).
 */
public final class TunedMethod {
    /** System property naming the out directory (or directory of out directories). */
    public static final String PROPERTY = "selftune.tuned";
    /** The {@code tuned} {@code @Param} value meaning "use the system property". */
    public static final String FROM_PROPERTY = "-";

    private TunedMethod() {
    }

    /*
     * Implementation note: the handle is installed by the benchmarks into a static final
     * MutableCallSite's target during @Setup. C2 treats a MutableCallSite target as a constant
     * (guarded by a dependency that deoptimises on setTarget), so the tuned method is inlined like
     * a direct call; a handle in an instance field would not be (see DESIGN.md, "Measuring").
     */

    /**
     * Returns a handle to {@code original.method} of type {@code type}, taken from the tuned class file of
     * sample {@code sample} when one exists.
     */
    public static MethodHandle find(String sample, Class<?> original, String method, MethodType type, String param) {
        String dir = param == null || param.isEmpty() || FROM_PROPERTY.equals(param)
                ? System.getProperty(PROPERTY, "") : param;
        Path classFile = dir.isEmpty() ? null : locate(Path.of(dir), sample, original);
        try {
            if (classFile == null) {
                System.err.println("[selftune-bench] no tuned " + original.getSimpleName() + " for sample '" + sample
                        + "' (" + PROPERTY + "=" + (dir.isEmpty() ? "<unset>" : dir)
                        + "): the 'tuned' benchmark runs the original");
                return MethodHandles.publicLookup().findStatic(original, method, type);
            }
            byte[] bytes = Files.readAllBytes(classFile);
            ClassLoader loader = new TunedClassLoader(original.getName(), bytes, original.getClassLoader());
            Class<?> tuned = Class.forName(original.getName(), true, loader);
            System.err.println("[selftune-bench] tuned " + original.getSimpleName() + "." + method + " from " + classFile);
            return MethodHandles.publicLookup().findStatic(tuned, method, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tuned class " + classFile, e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("tuned class " + classFile + " has no usable static " + method + type
                    + ": was it written by 'tune --target " + original.getName() + "#" + method + "'?", e);
        }
    }

    /**
     * Returns the winner class file of {@code original} under {@code dir/sample}, else under {@code dir}, or
     * null. The sample's own directory wins so that two tuned methods of one class (PolynomialHash's two
     * hashes) each get their own winner.
     */
    static Path locate(Path dir, String sample, Class<?> original) {
        Path relative = Path.of("winner", original.getName().replace('.', '/') + ".class");
        for (Path candidate : new Path[] {dir.resolve(sample).resolve(relative), dir.resolve(relative)}) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
