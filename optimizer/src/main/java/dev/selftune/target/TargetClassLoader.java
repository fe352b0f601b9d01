package dev.selftune.target;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * An isolated copy of the user's class path in which one class is defined from the given bytes;
 * every other class comes from the class path, the JDK from the platform loader.
 */
public final class TargetClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final String className;
    private final byte[] bytes;

    public TargetClassLoader(List<Path> classpath, String className, byte[] bytes) {
        super(urls(classpath), ClassLoader.getPlatformClassLoader());
        this.className = className;
        this.bytes = bytes.clone();
    }

    /*
     * Parent-first delegation reaches the platform loader, which never holds user classes, so the
     * class path here is searched next; the one class given as bytes must win over its class-file
     * copy on that path, hence the override of loadClass rather than findClass alone.
     */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.equals(className)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
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
