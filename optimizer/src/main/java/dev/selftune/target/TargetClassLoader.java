package dev.selftune.target;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * A fresh copy of the user's class path in which one class is defined from given bytes (the
 * original's or a variant's). The parent is the platform loader, so the user's classes are never
 * shared with selftune's own loader or with another variant's world: each world is isolated, and
 * original and variants are loaded the same way (an A/A pair differs in nothing).
 */
public final class TargetClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final String className;
    private final byte[] classBytes;

    public TargetClassLoader(List<Path> classpath, String className, byte[] classBytes) {
        super("selftune-" + className, urls(classpath), ClassLoader.getPlatformClassLoader());
        this.className = className;
        this.classBytes = classBytes.clone();
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.equals(className)) {
            return defineClass(name, classBytes, 0, classBytes.length);
        }
        return super.findClass(name);
    }

    /** Loads and returns the target class defined from the given bytes. */
    public Class<?> targetClass() {
        try {
            return loadClass(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("target class " + className + " could not be defined", e);
        }
    }

    private static URL[] urls(List<Path> classpath) {
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classpath.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("class path entry " + classpath.get(i) + " is not a valid path", e);
            }
        }
        return urls;
    }
}
