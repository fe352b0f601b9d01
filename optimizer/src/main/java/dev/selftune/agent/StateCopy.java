package dev.selftune.agent;

import dev.selftune.inputs.CapturedObject;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded deep copy of one captured call (receiver and arguments) into loader-neutral values:
 * boxes and Strings as they are, primitive arrays cloned, the application's objects and records, object
 * arrays, enums and plain JDK collections and maps as {@link CapturedObject}s. Anything else refuses the
 * call, naming where and why.
 */
final class StateCopy {
    /*
     * Runs on a host thread at the entry of the host's method, so it is bounded in what it may
     * visit: MAX_OBJECTS objects and arrays, MAX_DEPTH references from the receiver, and the
     * sink's byte budget. A refusal is an exception without a stack trace, cheap to throw.
     * What is refused, and why: threads, class loaders, streams, channels and locks are not state
     * a copy can reproduce in another JVM (a lock's owner, a stream's file position); Class objects
     * and lambdas (hidden classes) have no loader-neutral name; JDK collections and maps whose state
     * is their contents (CapturedObject.CONTAINERS) are copied through their interfaces; any other
     * JDK object is never reflected into (strong encapsulation since JDK 16) and so is refused
     * rather than guessed at.
     * A plain java.lang.Object (a monitor field) is copied as a fresh Object. One identity map spans
     * the call, so a receiver field and an argument that are one array stay one array, and a
     * cyclic graph stays cyclic. The receiver is read while other threads may write it: the copy
     * of a receiver shared between threads may be a state no single moment had, as any racy read.
     */
    static final int MAX_OBJECTS = 10_000;
    static final int MAX_DEPTH = 16;

    /** Why a call could not be copied: the path of the value and the rule it broke. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final IdentityHashMap<Object, Object> copies = new IdentityHashMap<>();
    private final IdentityHashMap<Object, String> recordsInProgress = new IdentityHashMap<>();
    private final Map<Class<?>, Field[]> fieldCache;
    private final long maxBytes;
    private long bytes;
    private int objects;

    StateCopy(Map<Class<?>, Field[]> fieldCache, long maxBytes) {
        this.fieldCache = fieldCache;
        this.maxBytes = maxBytes;
    }

    /** The copy of a call's values; value 0 is named "receiver", the others "argument i". */
    Object[] row(Object[] values) throws Refused {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = copy(values[i], i == 0 ? "receiver" : "argument " + i, 0);
        }
        return out;
    }

    /** The copy of a static method's arguments (or an instance method's without its receiver), named "argument i" from 1. */
    Object[] arguments(Object[] values) throws Refused {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = copy(values[i], "argument " + (i + 1), 0);
        }
        return out;
    }

    long bytes() {
        return bytes;
    }

    private Object copy(Object v, String path, int depth) throws Refused {
        if (v == null || v instanceof String || isImmutableBox(v)) {
            grow(v instanceof String s ? 40 + 2L * s.length() : 16, path);
            return v;
        }
        Object done = copies.get(v);
        if (done != null) {
            String record = recordsInProgress.get(v);
            if (record != null) {
                throw new Refused(path + " leads back to the record " + record + " (" + v.getClass().getName() + ") while its"
                        + " components are copied: a cycle through a record cannot be rebuilt, since its canonical constructor"
                        + " needs every component before the record exists");
            }
            return done;
        }
        if (++objects > MAX_OBJECTS) {
            throw new Refused("the state reaches more than " + MAX_OBJECTS + " objects (at " + path + ")");
        }
        if (depth > MAX_DEPTH) {
            throw new Refused(path + " is more than " + MAX_DEPTH + " references deep from the receiver");
        }
        Class<?> c = v.getClass();
        if (c.isArray()) {
            return array(v, c, path, depth);
        }
        if (v instanceof Enum<?> e) {
            return put(v, CapturedObject.enumConstant(e.getDeclaringClass().getName(), e.name()));
        }
        String rule = refusedKind(v);
        if (rule != null) {
            throw new Refused(path + " holds " + rule + " (" + c.getName() + "), which cannot be copied into another JVM");
        }
        if (c == Object.class) {
            grow(16, path);
            return put(v, CapturedObject.object(Object.class.getName(), new String[0], new Object[0]));
        }
        if (isJdk(c) && CapturedObject.CONTAINERS.contains(c.getName())) {
            return container(v, path, depth);
        }
        if (isJdk(c) && CapturedObject.SERIAL_VALUES.contains(c.getName())) {
            return put(v, serialValue(v, path));
        }
        if (isJdk(c)) {
            throw new Refused(path + " holds a " + c.getName() + ": JDK objects other than boxes, Strings, enums, arrays, the "
                    + "plain collections and maps and the value classes " + CapturedObject.SERIAL_VALUES
                    + " are not copied (their fields are closed to reflection)");
        }
        if (c.isRecord()) {
            return record(v, c, path, depth);
        }
        Field[] fields = fields(c, path);
        String[] keys = new String[fields.length];
        Object[] values = new Object[fields.length];
        CapturedObject o = CapturedObject.object(c.getName(), keys, values);
        put(v, o);
        grow(16 + 8L * fields.length, path);
        for (int i = 0; i < fields.length; i++) {
            Field f = fields[i];
            keys[i] = CapturedObject.key(f.getDeclaringClass(), f.getName());
            Object fv;
            try {
                fv = f.get(v);
            } catch (IllegalAccessException | RuntimeException e) {
                throw new Refused(path + "." + f.getName() + " cannot be read (" + e + ")");
            }
            values[i] = copy(fv, path + "." + f.getName(), depth + 1);
        }
        return o;
    }

    /* A record by its components, in declaration order, so the rebuild can pass them to the canonical
     * constructor (a record's fields are final to reflection). While its components are copied the
     * record is "in progress": meeting it again means the graph reaches the record from inside itself,
     * which no constructor call can rebuild, so the call is refused naming the path. Reaching a plain
     * object already being copied is fine: the rebuild allocates that object first and sets its fields
     * after, in the same order as this walk. */
    private Object record(Object v, Class<?> c, String path, int depth) throws Refused {
        Field[] components = recordComponents(c, path);
        String[] names = new String[components.length];
        Object[] values = new Object[components.length];
        CapturedObject o = CapturedObject.record(c.getName(), names, values);
        put(v, o);
        grow(16 + 8L * components.length, path);
        recordsInProgress.put(v, path);
        for (int i = 0; i < components.length; i++) {
            Field f = components[i];
            names[i] = f.getName();
            Object fv;
            try {
                fv = f.get(v);
            } catch (IllegalAccessException | RuntimeException e) {
                throw new Refused(path + "." + f.getName() + " cannot be read (" + e + ")");
            }
            values[i] = copy(fv, path + "." + f.getName(), depth + 1);
        }
        recordsInProgress.remove(v);
        return o;
    }

    /*
     * A component is read from the record's private field of the same name (JLS 8.10.3 gives every
     * component one), not through its accessor: an accessor is user code that would run on the
     * host's thread and may be overridden to copy, compute or log, while the field is the state the
     * canonical constructor set. setAccessible on it succeeds for every class of an unnamed module
     * (all its packages are open), public or not, which is where application classes live; a record
     * of a named module that does not open its package is refused as its ordinary fields would be.
     * A non-public record's accessors would need setAccessible too, so they offer no access the
     * field lacks.
     */
    private Field[] recordComponents(Class<?> c, String path) throws Refused {
        Field[] cached = fieldCache.get(c);
        if (cached != null) {
            return cached;
        }
        if (c.isHidden()) {
            throw new Refused(path + " holds a hidden record class (" + c.getName() + "), which has no name to rebuild it by");
        }
        java.lang.reflect.RecordComponent[] rc = c.getRecordComponents();
        Field[] fields = new Field[rc.length];
        for (int i = 0; i < rc.length; i++) {
            try {
                fields[i] = c.getDeclaredField(rc[i].getName());
                fields[i].setAccessible(true);
            } catch (NoSuchFieldException | RuntimeException e) {
                throw new Refused(path + "." + rc[i].getName() + " (a component of the record " + c.getName() + ") is not accessible ("
                        + e.getMessage() + "): its module does not open " + c.getPackageName());
            }
        }
        fieldCache.put(c, fields);
        return fields;
    }

    private Object array(Object v, Class<?> c, String path, int depth) throws Refused {
        if (c.getComponentType().isPrimitive()) {
            long[] size = {0};
            Object copy = CaptureSink.copy(v, size);
            grow(size[0], path);
            return put(v, copy);
        }
        Object[] a = (Object[]) v;
        Object[] items = new Object[a.length];
        CapturedObject o = CapturedObject.array(c.getName(), items);
        put(v, o);
        grow(16 + 4L * a.length, path);
        for (int i = 0; i < a.length; i++) {
            items[i] = copy(a[i], path + "[" + i + "]", depth + 1);
        }
        return o;
    }

    /* Iterating a collection another thread is changing may throw: the caller turns that into a
     * refusal of this one call. */
    private Object container(Object v, String path, int depth) throws Refused {
        Object comparator = v instanceof java.util.SortedMap<?, ?> m ? m.comparator()
                : v instanceof java.util.SortedSet<?> s ? s.comparator()
                : v instanceof java.util.PriorityQueue<?> q ? q.comparator() : null;
        if (comparator != null) {
            throw new Refused(path + " is a " + v.getClass().getName() + " ordered by a comparator (" + comparator.getClass().getName()
                    + "), code that cannot be copied");
        }
        String type = v.getClass().getName();
        if (v instanceof Map<?, ?> m) {
            Object[] kv = new Object[2 * m.size()];
            CapturedObject o = CapturedObject.map(type, kv);
            put(v, o);
            grow(16 + 8L * kv.length, path);
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (i >= kv.length) {
                    throw new Refused(path + " changed while it was copied");
                }
                kv[i] = copy(e.getKey(), path + ".key" + i / 2, depth + 1);
                kv[i + 1] = copy(e.getValue(), path + ".value" + i / 2, depth + 1);
                i += 2;
            }
            return i == kv.length ? o : refuseChanged(path);
        }
        java.util.Collection<?> col = (java.util.Collection<?>) v;
        Object[] items = new Object[col.size()];
        CapturedObject o = CapturedObject.collection(type, items);
        put(v, o);
        grow(16 + 4L * items.length, path);
        int i = 0;
        for (Object item : col) {
            if (i >= items.length) {
                throw new Refused(path + " changed while it was copied");
            }
            items[i] = copy(item, path + "[" + i + "]", depth + 1);
            i++;
        }
        return i == items.length ? o : refuseChanged(path);
    }

    private static Object refuseChanged(String path) throws Refused {
        throw new Refused(path + " changed while it was copied");
    }

    private Object put(Object original, Object copy) {
        copies.put(original, copy);
        return copy;
    }

    private void grow(long n, String path) throws Refused {
        bytes += n;
        if (bytes > maxBytes) {
            throw new Refused("the state is bigger than " + maxBytes + " bytes (at " + path + ")");
        }
    }

    /** The instance fields of {@code c} and its superclasses up to Object; refuses a JDK superclass other than Object. */
    private Field[] fields(Class<?> c, String path) throws Refused {
        Field[] cached = fieldCache.get(c);
        if (cached != null) {
            return cached;
        }
        if (c.isHidden()) {
            throw new Refused(path + " holds a lambda or another hidden class (" + c.getName() + "), which has no name to rebuild it by");
        }
        List<Field> out = new ArrayList<>();
        for (Class<?> k = c; k != Object.class; k = k.getSuperclass()) {
            if (isJdk(k)) {
                throw new Refused(path + " is a " + c.getName() + ", which extends the JDK class " + k.getName()
                        + " whose fields are closed to reflection");
            }
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                } catch (RuntimeException e) {
                    throw new Refused(path + "." + f.getName() + " is not accessible (" + e.getMessage()
                            + "): its module does not open " + k.getPackageName());
                }
                out.add(f);
            }
        }
        Field[] fields = out.toArray(new Field[0]);
        fieldCache.put(c, fields);
        return fields;
    }

    /** The kind of object no copy can stand for, or null. */
    static String refusedKind(Object v) {
        if (v instanceof Thread || v instanceof ThreadGroup) {
            return "a thread";
        }
        if (v instanceof ClassLoader) {
            return "a class loader";
        }
        if (v instanceof InputStream || v instanceof OutputStream || v instanceof Reader || v instanceof Writer
                || v instanceof java.nio.channels.Channel || v instanceof java.util.stream.BaseStream<?, ?>) {
            return "a stream or channel";
        }
        if (v instanceof java.util.concurrent.locks.Lock || v instanceof java.util.concurrent.locks.ReadWriteLock
                || v instanceof java.util.concurrent.locks.Condition || v instanceof java.util.concurrent.Semaphore) {
            return "a lock";
        }
        if (v instanceof Class<?>) {
            return "a Class object";
        }
        return null;
    }

    /* A JDK value (CapturedObject.SERIAL_VALUES) in the serial form the JDK defines for it. */
    private CapturedObject serialValue(Object v, String path) throws Refused {
        java.io.ByteArrayOutputStream bytesOut = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytesOut)) {
            out.writeObject(v);
        } catch (java.io.IOException | RuntimeException e) {
            throw new Refused(path + " (a " + v.getClass().getName() + ") could not be written in its serial form (" + e + ")");
        }
        grow(bytesOut.size(), path);
        return CapturedObject.serialized(v.getClass().getName(), bytesOut.toByteArray());
    }

    /**
     * Why no value of declared type {@code type} can ever be copied (a JDK class other than a box,
     * String, enum, plain collection or map, or a supertype of one), or null when some value might be.
     */
    static String neverCopied(Class<?> type) {
        Class<?> t = type;
        while (t.isArray()) {
            t = t.getComponentType();
        }
        if (t.isPrimitive() || t.isInterface() || t == Object.class || t.isEnum() || !isJdk(t)
                || t == String.class || Number.class.isAssignableFrom(t) && t.getName().startsWith("java.lang.")
                || t == Boolean.class || t == Character.class || t == Number.class) {
            return null;
        }
        if (CapturedObject.SERIAL_VALUES.contains(t.getName())) {
            return null;
        }
        for (String c : CapturedObject.CONTAINERS) {
            try {
                if (t.isAssignableFrom(Class.forName(c, false, null))) {
                    return null;
                }
            } catch (ClassNotFoundException e) {
                // not in this JDK: it cannot be the value either
            }
        }
        return "a " + t.getName() + " is a JDK object, and JDK objects other than boxes, Strings, enums, arrays, the"
                + " plain collections and maps and the value classes " + CapturedObject.SERIAL_VALUES
                + " are not copied (their fields are closed to reflection)";
    }

    /** A Boolean, Character or java.lang number box: immutable, shared as it is (an AtomicLong or a user's Number is not). */
    static boolean isImmutableBox(Object v) {
        return v instanceof Boolean || v instanceof Character
                || v instanceof Number && v.getClass().getClassLoader() == null && v.getClass().getName().startsWith("java.lang.");
    }

    static boolean isJdk(Class<?> c) {
        ClassLoader l = c.getClassLoader();
        return l == null || l == ClassLoader.getPlatformClassLoader();
    }

    /** A per-sink cache of the fields of each class met, so the host pays for reflection once per class. */
    static Map<Class<?>, Field[]> newFieldCache() {
        return new HashMap<>();
    }
}
