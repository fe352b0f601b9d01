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

    /** A primitive array too big to copy: its type, length and a 64-bit hash of its bits. */
    record Digest(String type, int length, long hash) { }

    /** The very object already seen at {@code path} in the same outcome ("argument 1", "argument 2[3]", "result"). */
    record Alias(String path) {
        @Override
        public String toString() {
            return "the same object as " + path;
        }
    }

    /* Arrays above this many elements are hashed, not copied: a method that allocates what a
     * full-range size asks for (new long[1 << 27]) must not make verification hold a second copy
     * per row. 4M elements is 64x the largest default size. */
    static final int MAX_COPIED_ELEMENTS = 1 << 22;

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
        return new Walker(MAX_COPIED_ELEMENTS).of(v, "value", 0);
    }

    /*
     * One outcome is one object graph: the arguments, the result and the static state are walked
     * with one identity map, so an object met a second time (f(a, a), two rows of a matrix that are
     * one array, a result that is its argument, a static field holding an argument) becomes an
     * Alias naming where it was first seen. Two runs then compare equal only if they share and
     * return the same objects, not merely equal contents: a variant returning a copy where the
     * original returned its argument, or copying a row where the original stored it, differs.
     * Immutable values (Strings, boxes, enums, lambdas, JDK values compared by text) have no identity here.
     */
    static final class Walker {
        private final IdentityHashMap<Object, String> seen = new IdentityHashMap<>();
        private int copyLimit;
        private long nodesLeft = Long.MAX_VALUE;

        Walker(int copyLimit) {
            this.copyLimit = copyLimit;
        }

        /** Arrays above {@code limit} elements met from now on are digested, not copied. */
        void copyLimit(int limit) {
            this.copyLimit = limit;
        }

        /** At most {@code nodes} more arrays and objects are walked; beyond, values are cut off (the same way in every run). */
        void nodeLimit(long nodes) {
            this.nodesLeft = nodes;
        }

        Object of(Object v, String path) {
            return of(v, path, 0);
        }

        private Object of(Object v, String path, int depth) {
            return Snapshot.of(v, this, path, depth);
        }
    }

    /** How a row's values are named in alias paths: "receiver" first for instance methods, then "argument 1", ... */
    static String[] names(int n, boolean isStatic) {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = !isStatic && i == 0 ? "receiver" : "argument " + (isStatic ? i + 1 : i);
        }
        return names;
    }

    /** Snapshots of the values of a row, as one graph: argument {@code i} is named by {@code names[i]}. */
    static Object[] row(Object[] row, Walker w, String[] names) {
        Object[] s = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            s[i] = w.of(row[i], names[i]);
        }
        return s;
    }

    private static Object of(Object v, Walker w, String path, int depth) {
        if (v == null || v instanceof String || v instanceof Number && isJdk(v.getClass())
                || v instanceof Boolean || v instanceof Character) {
            return v;
        }
        Class<?> c = v.getClass();
        boolean identity = !(v instanceof Enum<?>) && !c.isHidden()
                && (c.isArray() || !isJdk(c) || v instanceof Collection<?> || v instanceof Map<?, ?>);
        if (identity) {
            String first = w.seen.get(v);
            if (first != null) {
                return new Alias(first);
            }
            w.seen.put(v, path);
        }
        if (--w.nodesLeft < 0) {
            return new Opaque(c.getName(), "<beyond the walk's bound>");
        }
        if (c.isArray() && c.getComponentType().isPrimitive()) {
            int n = java.lang.reflect.Array.getLength(v);
            return n > w.copyLimit ? new Digest(c.getName(), n, hash(v, n)) : dev.selftune.inputs.Inputs.copyRow(new Object[] {v})[0];
        }
        if (depth >= MAX_DEPTH) {
            return new Opaque(c.getName(), "<deeper>");
        }

        if (c.isArray()) {
            List<Object> items = new ArrayList<>();
            Object[] a = (Object[]) v;
            for (int i = 0; i < a.length; i++) {
                items.add(w.of(a[i], path + "[" + i + "]", depth + 1));
            }
            return new Seq(c.getName(), items);
        }
        if (v instanceof Enum<?>) {
            return new Opaque(c.getName(), ((Enum<?>) v).name());
        }
        if (c.isHidden()) {
            /* A lambda's class is hidden and named per loader (Foo$$Lambda$14/0x...): the same
             * lambda in the original and the variant must compare equal, so keep only its host. */
            String name = c.getName();
            int cut = name.indexOf("$$Lambda");
            return new Opaque(cut > 0 ? name.substring(0, cut) + "$$Lambda" : "hidden", "");
        }
        if (isJdk(c)) {
            return jdk(v, w, path, depth);
        }
        /* A record lands here too: its only instance fields are its components (JLS 8.10.3), read
         * with setAccessible like any field (reading a record's final field is allowed; only
         * writing it is not), so records are compared by their components, arrays inside included. */
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Class<?> k = c; k != null && !isJdk(k); k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                String key = fields.containsKey(f.getName()) ? k.getName() + "." + f.getName() : f.getName();
                try {
                    f.setAccessible(true);
                    fields.put(key, w.of(f.get(v), path + "." + key, depth + 1));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    fields.put(key, new Opaque(f.getType().getName(), "<unreadable>"));
                }
            }
        }
        return new Obj(c.getName(), fields);
    }

    private static Object jdk(Object v, Walker w, String path, int depth) {
        String type = v.getClass().getName();
        if (v instanceof Collection<?>) {
            List<Object> items = new ArrayList<>();
            for (Object o : (Collection<?>) v) {
                items.add(w.of(o, path + "[" + items.size() + "]", depth + 1));
            }
            return new Seq(type, items);
        }
        if (v instanceof Map<?, ?>) {
            List<Object> items = new ArrayList<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                items.add(w.of(e.getKey(), path + ".key" + items.size() / 2, depth + 1));
                items.add(w.of(e.getValue(), path + ".value" + items.size() / 2, depth + 1));
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

    /* Type-specific loops: boxing 100M elements through reflection would take seconds. */
    private static long hash(Object a, int n) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < n; i++) {
            long bits;
            if (a instanceof byte[]) bits = ((byte[]) a)[i];
            else if (a instanceof int[]) bits = ((int[]) a)[i];
            else if (a instanceof long[]) bits = ((long[]) a)[i];
            else if (a instanceof double[]) bits = Double.doubleToLongBits(((double[]) a)[i]);
            else if (a instanceof float[]) bits = Float.floatToIntBits(((float[]) a)[i]);
            else if (a instanceof char[]) bits = ((char[]) a)[i];
            else if (a instanceof short[]) bits = ((short[]) a)[i];
            else bits = ((boolean[]) a)[i] ? 1 : 0;
            h = (h ^ bits) * 0x100000001B3L;
            h ^= h >>> 29;
        }
        return h;
    }

    static boolean isJdk(Class<?> c) {
        ClassLoader l = c.getClassLoader();
        return l == null || l == ClassLoader.getPlatformClassLoader();
    }
}
