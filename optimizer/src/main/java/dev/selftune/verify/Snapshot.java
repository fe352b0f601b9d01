package dev.selftune.verify;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A loader-neutral copy of a value's state, so results from two class loaders can be compared. */
final class Snapshot {
    /** A user object: its class name and its instance fields by name (inherited ones included). */
    record Obj(String type, Map<String, Object> fields) { }

    /** An object array, collection or map (entries as key, value pairs). */
    record Seq(String type, List<Object> items) { }

    /** A JDK value compared by its text, or a cut-off point (cycle, depth). */
    record Opaque(String type, String text) { }

    static final int MAX_DEPTH = 8;

    private Snapshot() { }

    /*
     * Values from the original's loader and the variant's loader are different classes even when
     * they have the same name, so equals() cannot compare them. A snapshot keeps primitives, boxes
     * and Strings as they are, clones primitive arrays, and turns everything else into names and
     * field maps. JDK objects are never reflected into (strong encapsulation since JDK 16): their
     * collections are walked through their interfaces, other JDK values compared by toString.
     */
    static Object of(Object v) {
        return of(v, new IdentityHashMap<>(), 0);
    }

    private static Object of(Object v, IdentityHashMap<Object, Boolean> seen, int depth) {
        if (v == null || v instanceof String || v instanceof Number && isJdk(v.getClass())
                || v instanceof Boolean || v instanceof Character) {
            return v;
        }
        Class<?> c = v.getClass();
        if (c.isArray() && c.getComponentType().isPrimitive()) {
            return dev.selftune.inputs.Inputs.copyRow(new Object[] {v})[0];
        }
        if (depth >= MAX_DEPTH || seen.containsKey(v)) {
            return new Opaque(c.getName(), depth >= MAX_DEPTH ? "<deeper>" : "<cycle>");
        }
        seen.put(v, Boolean.TRUE);
        try {
            if (c.isArray()) {
                List<Object> items = new ArrayList<>();
                for (Object o : (Object[]) v) {
                    items.add(of(o, seen, depth + 1));
                }
                return new Seq(c.getName(), items);
            }
            if (v instanceof Enum<?>) {
                return new Opaque(c.getName(), ((Enum<?>) v).name());
            }
            if (isJdk(c)) {
                return jdk(v, seen, depth);
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Class<?> k = c; k != null && !isJdk(k); k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    String key = fields.containsKey(f.getName()) ? k.getName() + "." + f.getName() : f.getName();
                    try {
                        f.setAccessible(true);
                        fields.put(key, of(f.get(v), seen, depth + 1));
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        fields.put(key, new Opaque(f.getType().getName(), "<unreadable>"));
                    }
                }
            }
            return new Obj(c.getName(), fields);
        } finally {
            seen.remove(v);
        }
    }

    private static Object jdk(Object v, IdentityHashMap<Object, Boolean> seen, int depth) {
        String type = v.getClass().getName();
        if (v instanceof Collection<?>) {
            List<Object> items = new ArrayList<>();
            for (Object o : (Collection<?>) v) {
                items.add(of(o, seen, depth + 1));
            }
            return new Seq(type, items);
        }
        if (v instanceof Map<?, ?>) {
            List<Object> items = new ArrayList<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                items.add(of(e.getKey(), seen, depth + 1));
                items.add(of(e.getValue(), seen, depth + 1));
            }
            return new Seq(type, items);
        }
        boolean ownToString;
        try {
            ownToString = v.getClass().getMethod("toString").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            ownToString = false;
        }
        return new Opaque(type, ownToString ? String.valueOf(v) : "");
    }

    static boolean isJdk(Class<?> c) {
        ClassLoader l = c.getClassLoader();
        return l == null || l == ClassLoader.getPlatformClassLoader();
    }
}
