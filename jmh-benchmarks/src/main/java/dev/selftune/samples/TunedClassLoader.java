package dev.selftune.samples;

/**
 * Defines one class from a tuned class file, child-first, and delegates every other name to the
 * benchmark's own loader, so the tuned class sees the same JDK and sample classes as the original.
 */
final class TunedClassLoader extends ClassLoader {
    private final String className;
    private final byte[] bytes;

    TunedClassLoader(String className, byte[] bytes, ClassLoader parent) {
        super("selftune-tuned:" + className, parent);
        this.className = className;
        this.bytes = bytes.clone();
    }

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
}
