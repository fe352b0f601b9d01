package dev.selftune.target;

import dev.selftune.api.MethodRef;
import java.nio.file.Path;
import java.util.List;

/**
 * A resolved, eligible target: the method with its descriptor, the bytes of its class as found on
 * the class path, and whether it is static (instance methods take the receiver as argument 0).
 */
public record Target(MethodRef method, byte[] classBytes, boolean isStatic, List<Path> classpath) {
    public Target {
        if (method.descriptor() == null) {
            throw new IllegalArgumentException("a resolved target needs its descriptor: " + method);
        }
        classpath = List.copyOf(classpath);
    }
}
