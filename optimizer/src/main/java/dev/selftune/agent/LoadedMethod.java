package dev.selftune.agent;

import dev.selftune.api.MethodRef;

import java.lang.instrument.Instrumentation;
import java.lang.ref.WeakReference;

/**
 * A method of one loaded class: the agent's identity for a candidate, a swap and a wisdom entry applied.
 * Two class loaders' copies of {@code com.x.Foo#bar} are two of these. The class is held weakly.
 */
final class LoadedMethod {
    /*
     * Equality is on the Class (==) and the MethodRef while the class is alive; once its loader is
     * collected the instance equals only itself and alive() is false, and the daemon drops it. The hash
     * is fixed at construction (identity hash of the class), so a dead key stays findable for removal.
     * `loader` is a label for events, set only when more than one loaded class has this name.
     */
    private final WeakReference<Class<?>> owner;
    private final MethodRef method;
    private final SampledMethod sampled;
    private final String loader;
    private final int hash;

    LoadedMethod(Class<?> owner, MethodRef method, SampledMethod sampled, String loader) {
        this.owner = new WeakReference<>(owner);
        this.method = method;
        this.sampled = sampled;
        this.loader = loader;
        this.hash = 31 * System.identityHashCode(owner) + method.hashCode();
    }

    /** The method of {@code owner}, labelled with its loader when another loaded class has the same name. */
    static LoadedMethod of(Instrumentation inst, Class<?> owner, MethodRef method, SampledMethod sampled) {
        int same = 0;
        if (inst != null) {
            for (Class<?> c : inst.getAllLoadedClasses()) {
                if (c.getName().equals(owner.getName()) && !c.isHidden() && !c.isArray()) {
                    same++;
                }
            }
        }
        return new LoadedMethod(owner, method, sampled, same > 1 ? label(owner.getClassLoader()) : null);
    }

    /** The loader's name, or its type and identity hash when unnamed ("bootstrap" for null). */
    static String label(ClassLoader l) {
        if (l == null) {
            return "bootstrap";
        }
        return l.getName() != null ? l.getName() : l.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(l));
    }

    /** The class, or null once its loader was collected. */
    Class<?> owner() {
        return owner.get();
    }

    MethodRef method() {
        return method;
    }

    /** The JFR key the samples of this method are counted under; null when it was not found by sampling. */
    SampledMethod sampled() {
        return sampled;
    }

    boolean alive() {
        return owner.get() != null;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LoadedMethod other) || hash != other.hash || !method.equals(other.method)) {
            return false;
        }
        Class<?> c = owner.get();
        return c != null && c == other.owner.get();
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** {@code com.x.Foo#bar(I)I}, with {@code [loader app-2]} when two loaders hold the class. */
    @Override
    public String toString() {
        return method + (loader == null ? "" : " [loader " + loader + "]");
    }
}
