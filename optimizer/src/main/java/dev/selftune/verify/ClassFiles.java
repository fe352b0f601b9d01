package dev.selftune.verify;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;

/** Superclass and interface facts read from class files through a loader's resources, cached. */
final class ClassFiles {
    /** What the verifier needs of a class: its superclass (null for Object) and whether it is an interface. */
    record Header(String superName, boolean isInterface) { }

    private final ClassLoader loader;
    private final Map<String, Header> cache = new HashMap<>();

    ClassFiles(ClassLoader loader) {
        this.loader = loader;
    }

    /** The header of {@code internalName}, or null when no class file is found. */
    Header header(String internalName) {
        return cache.computeIfAbsent(internalName, this::read);
    }

    private Header read(String internalName) {
        String resource = internalName + ".class";
        try (InputStream in = open(resource)) {
            if (in == null) {
                return null;
            }
            ClassReader r = new ClassReader(in);
            return new Header(r.getSuperName(), (r.getAccess() & org.objectweb.asm.Opcodes.ACC_INTERFACE) != 0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private InputStream open(String resource) {
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        return in != null ? in : ClassLoader.getSystemResourceAsStream(resource);
    }
}
