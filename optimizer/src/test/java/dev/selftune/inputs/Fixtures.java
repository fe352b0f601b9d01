package dev.selftune.inputs;

import dev.selftune.api.MethodRef;
import dev.selftune.target.TargetClassLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Test helpers: the test-classes directory as a class path and isolated loaders over it. */
final class Fixtures {
    static final String SHAPES = "dev.selftune.verify.specimens.Shapes";
    static final String LOOPS = "dev.selftune.verify.specimens.Loops";
    static final String COUNTER = "dev.selftune.verify.specimens.Counter";
    static final String NO_DEFAULT = "dev.selftune.verify.specimens.NoDefault";

    private Fixtures() { }

    static List<Path> classpath() {
        try {
            return List.of(Path.of(Fixtures.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String className) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(className.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClassLoader loader(String className) {
        return new TargetClassLoader(classpath(), className, bytes(className));
    }

    static MethodRef ref(String owner, String name, String desc) {
        return new MethodRef(owner, name, desc);
    }

    static InputSource generated() {
        return new InputSource(42, new int[] {16, 1024}, null, null);
    }

    static InputSource provider(String spec) {
        return new InputSource(42, new int[] {16}, spec, null);
    }
}
