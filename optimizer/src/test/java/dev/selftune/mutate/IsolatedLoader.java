package dev.selftune.mutate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * A loader of its own for one copy of the subject class ({@code bytes}) and the rest of its
 * package (child first, so package-private access keeps working); everything else from the parent.
 */
final class IsolatedLoader extends URLClassLoader {
    private final String owner;
    private final String pkg;
    private final byte[] bytes;

    IsolatedLoader(List<Path> classpath, String owner, byte[] bytes) {
        super(urls(classpath), IsolatedLoader.class.getClassLoader());
        this.owner = owner;
        this.pkg = owner.substring(0, owner.lastIndexOf('.') + 1);
        this.bytes = bytes;
    }

    static URL[] urls(List<Path> classpath) {
        return classpath.stream().map(p -> {
            try {
                return p.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(p.toString(), e);
            }
        }).toArray(URL[]::new);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c != null) {
                return c;
            }
            if (name.equals(owner)) {
                return defineClass(name, bytes, 0, bytes.length);
            }
            if (name.startsWith(pkg) && name.indexOf('.', pkg.length()) < 0) {
                try (InputStream in = getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in != null) {
                        byte[] b = in.readAllBytes();
                        return defineClass(name, b, 0, b.length);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return super.loadClass(name, resolve);
        }
    }
}
