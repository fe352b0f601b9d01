package dev.selftune.measure;

import dev.selftune.api.MethodRef;
import dev.selftune.inputs.InputSource;
import dev.selftune.measure.specimen.SumSpecimen;
import dev.selftune.target.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Targets on the test specimens, their class path being the test-classes directory. */
final class Specimens {
    private Specimens() { }

    static Target sum() {
        return target(SumSpecimen.class, "sum", "([I)I", true);
    }

    static Target biased() {
        return target(SumSpecimen.class, "biased", "([I)J", false);
    }

    static InputSource inputs() {
        return new InputSource(42, new int[] {16, 1024}, null, null);
    }

    static Target target(Class<?> c, String name, String desc, boolean isStatic) {
        return new Target(new MethodRef(c.getName(), name, desc), bytes(c), isStatic, List.of(classesDir(c)));
    }

    static byte[] bytes(Class<?> c) {
        try (InputStream in = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path classesDir(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
