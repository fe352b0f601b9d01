package dev.selftune.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Notices, as a no-op transformer, when a class with remembered winners loads, and queues it for the
 * agent thread, which applies the winners once the class is initialised.
 */
final class WisdomApplier implements ClassFileTransformer {
    /*
     * transform() runs on the host thread that loads the class, with the loader's lock held: it only
     * compares the name with a set and enqueues, returning null ("no change", JVMTI
     * ClassFileLoadHook). Registered with canRetransform=false so retransformations do not re-queue.
     * The owner set is filled by the agent thread after it parsed the wisdom file; classes that loaded
     * before that are found by scanning getAllLoadedClasses once (also the path for agentmain).
     *
     * "Initialised": JDK 17–21 answer sun.misc.Unsafe.shouldBeInitialized(Class); the agent waits for
     * false so a swap never runs a static initialiser on the agent thread. JDK 22+ removed that
     * method and there is no public replacement, so there the winner is applied once the class is
     * defined; HotSwapper.prepare does not initialise the class either (retransformation does not).
     */
    record Pending(ClassLoader loader, String binaryName, long since) { }

    private final Set<String> owners = ConcurrentHashMap.newKeySet();
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private static final Method SHOULD_BE_INITIALIZED = shouldBeInitialized();
    private static final Object UNSAFE = unsafe();

    void watch(Set<String> binaryNames) {
        owners.addAll(binaryNames);
    }

    boolean watching() {
        return !owners.isEmpty();
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain pd, byte[] bytes) {
        try {
            if (redefined == null && internalName != null && !owners.isEmpty()) {
                String name = internalName.replace('/', '.');
                if (owners.contains(name)) {
                    queue.add(new Pending(loader, name, System.nanoTime()));
                }
            }
        } catch (Throwable ignored) {
            // never disturb class loading
        }
        return null;
    }

    /** Queues classes that were already loaded before the owners were known. */
    void scanLoaded(Instrumentation inst) {
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (owners.contains(c.getName())) {
                queue.add(new Pending(c.getClassLoader(), c.getName(), System.nanoTime()));
            }
        }
    }

    /** The next queued class, waiting up to {@code millis}; null when none. */
    Pending next(long millis) throws InterruptedException {
        return queue.poll(millis, TimeUnit.MILLISECONDS);
    }

    void requeue(Pending p) {
        queue.add(p);
    }

    /** The defined class for a pending load, or null while it is still being defined. */
    static Class<?> resolve(Pending p) {
        try {
            return Class.forName(p.binaryName(), false, p.loader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** True when the class is initialised, or when this JVM cannot tell (JDK 22+). */
    static boolean initialised(Class<?> c) {
        if (SHOULD_BE_INITIALIZED == null) {
            return true;
        }
        try {
            return !(Boolean) SHOULD_BE_INITIALIZED.invoke(UNSAFE, c);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }

    private static Method shouldBeInitialized() {
        try {
            return Class.forName("sun.misc.Unsafe").getMethod("shouldBeInitialized", Class.class);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static Object unsafe() {
        try {
            java.lang.reflect.Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return f.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
