package dev.selftune.agent;

import dev.selftune.api.MethodRef;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedClassLoader;

/**
 * A method as JFR names it in a sample: the method, the JFR id of its class and what JFR tells of the
 * defining loader (its id, name and type). Two loaders' copies of one class are two of these.
 */
record SampledMethod(MethodRef method, long classId, long loaderId, String loaderName, String loaderType) {
    /*
     * JFR ids are per class and per loader for the life of the JVM, not objects: nothing here holds a
     * Class or a loader, so counting samples never pins a loader. ClassIds turns a classId into the
     * loaded Class. Bootstrap classes have no RecordedClassLoader (or one of null type): id 0, no type.
     */
    static SampledMethod of(RecordedClass type, String name, String descriptor) {
        RecordedClassLoader l = type.getClassLoader();
        RecordedClass lt = l == null ? null : l.getType();
        return new SampledMethod(new MethodRef(type.getName(), name, descriptor), type.getId(),
                l == null ? 0 : l.getId(), l == null ? null : l.getName(), lt == null ? null : lt.getName());
    }

    /** True when {@code c}'s defining loader is the one JFR described (type and name; the id is JFR's own). */
    boolean loaderMatches(Class<?> c) {
        ClassLoader l = c.getClassLoader();
        if (l == null) {
            return loaderType == null;
        }
        return l.getClass().getName().equals(loaderType) && java.util.Objects.equals(l.getName(), loaderName);
    }

    @Override
    public String toString() {
        return method + " (JFR class " + classId + ", loader " + (loaderName != null ? loaderName : loaderType) + ")";
    }
}
