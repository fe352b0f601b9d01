package dev.selftune.target;

import dev.selftune.api.MethodRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The method to tune, resolved: its full descriptor, the bytes of its class, and where the class lives. */
public record Target(MethodRef method, byte[] classBytes, boolean isStatic, List<Path> classpath) {
    public Target {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(classBytes, "classBytes");
        if (method.descriptor() == null) {
            throw new IllegalArgumentException("target " + method + " has no descriptor: resolve the overload first");
        }
        classpath = List.copyOf(classpath);
    }
}
