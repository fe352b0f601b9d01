package dev.selftune.mutate;

import dev.selftune.api.MethodRef;
import dev.selftune.inputs.InputSource;
import dev.selftune.target.Target;
import dev.selftune.target.TargetLoader;
import java.nio.file.Path;
import java.util.List;

/** One method under mutation, with the inputs and tolerance {@code tune} would verify it with. */
record Subject(String label, Target target, InputSource src, Double fpTolerance) {
    /** Loads {@code spec} ({@code owner#name[desc]}) the way {@code tune} does. */
    static Subject of(String label, List<Path> classpath, String spec, InputSource src, Double fpTolerance) {
        return new Subject(label, TargetLoader.load(classpath, MethodRef.parse(spec)), src, fpTolerance);
    }

    String owner() {
        return target.method().owner();
    }

    String name() {
        return target.method().name();
    }

    String desc() {
        return target.method().descriptor();
    }

    byte[] classBytes() {
        return target.classBytes();
    }

    List<Path> classpath() {
        return target.classpath();
    }

    int[] sizes() {
        return src.sizes();
    }
}
