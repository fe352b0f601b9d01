package dev.selftune.inputs;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Turns {@link CapturedObject} graphs back into objects of a given class loader: instances are
 * allocated without running any of their constructors and their fields set one by one.
 */
final class Rebuilder {
    /*
     * Why no constructor: a captured receiver is the state an object reached in the host, and a
     * class need not have any constructor that reaches it (RecordStream(long seed) recomputes
     * nothing, but a cache or a parser's position would). The allocation is the one Java
     * serialisation itself uses, sun.reflect.ReflectionFactory#newConstructorForSerialization with
     * Object's constructor: an instance with every field at its default and no user code run.
     * ReflectionFactory sits in jdk.unsupported, a module JEP 260 keeps exported to every unnamed
     * module precisely for serialisation libraries (Objenesis, Kryo use it), and it works without
     * flags or warnings on JDK 17 and 25 (checked on both). sun.misc.Unsafe#allocateInstance does
     * the same, but needs reflective access to theUnsafe, and JEP 471 deprecates Unsafe
     * piece by piece; MethodHandles and VarHandles cannot allocate without a constructor.
     * Fields are then set by reflection (setAccessible on a class of an unnamed module, final
     * fields included: Field#set allows that for non-static fields of normal classes). Records
     * and hidden classes forbid it: a record (captured by its components, CapturedObject.RECORD) is
     * built through its canonical constructor, the constructor that fits by definition; hidden
     * classes are refused when captured.
     * Primitive arrays are copied on every rebuild, so one captured graph gives fresh, unshared
     * objects each time it is rebuilt. Only the application's classes are allocated this way: a
     * JDK class name in the file (a tampered file) is refused, except java.lang.Object (a plain
     * lock object, rebuilt with new Object()), enums (by name) and the collections and maps of
     * CapturedObject.CONTAINERS (public no-arg constructor, then add or put).
     */
    private final ClassLoader loader;
    private final IdentityHashMap<Object, Object> built = new IdentityHashMap<>();
    private final IdentityHashMap<Object, String> inProgress = new IdentityHashMap<>();
    private final Map<Class<?>, Constructor<?>> allocators = new HashMap<>();

    /** Thrown when a captured value cannot be rebuilt in this loader. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean refusesRow;

        Failure(String message, Throwable cause) {
            this(message, cause, false);
        }

        /** {@code refusesRow}: only this row's values are at fault (a record's constructor refused them), not the file. */
        Failure(String message, Throwable cause, boolean refusesRow) {
            super(message, cause, false, false);
            this.refusesRow = refusesRow;
        }

        boolean refusesRow() {
            return refusesRow;
        }
    }

    Rebuilder(ClassLoader loader) {
        this.loader = loader;
    }

    /** The row with every value rebuilt; values shared within the row stay shared. */
    Object[] row(Object[] row) {
        Object[] out = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = value(row[i]);
        }
        return out;
    }

    Object value(Object v) {
        if (v == null || !(v instanceof CapturedObject) && !v.getClass().isArray()) {
            return v;
        }
        String record = inProgress.get(v);
        if (record != null) {
            throw new Failure("record " + record + " reaches itself through its own components: a cycle through a record"
                    + " cannot be rebuilt by its constructor", null);
        }
        Object done = built.get(v);
        if (done != null) {
            return done;
        }
        if (v.getClass().isArray()) {
            Object copy = RowCopier.copyValue(v);
            built.put(v, copy);
            return copy;
        }
        return captured((CapturedObject) v);
    }

    private Object captured(CapturedObject c) {
        switch (c.kind) {
            case CapturedObject.ENUM:
                return enumConstant(c);
            case CapturedObject.ARRAY:
                Class<?> at = load(c.type);
                if (!at.isArray() || at.getComponentType().isPrimitive()) {
                    throw new Failure(c.type + " is not an array of objects", null);
                }
                Object[] a = (Object[]) Array.newInstance(at.getComponentType(), c.values.length);
                built.put(c, a);
                for (int i = 0; i < a.length; i++) {
                    a[i] = value(c.values[i]);
                }
                return a;
            case CapturedObject.OBJECT:
                return object(c);
            case CapturedObject.RECORD:
                return record(c);
            case CapturedObject.COLLECTION:
            case CapturedObject.MAP:
                return container(c);
            case CapturedObject.SERIALIZED:
                Object value = SerialValues.read(c.type, (byte[]) c.values[0]);
                built.put(c, value);
                return value;
            default:
                throw new Failure("unknown captured kind " + c.kind + " for " + c.type, null);
        }
    }

    @SuppressWarnings("unchecked")
    private Object container(CapturedObject c) {
        if (!CapturedObject.CONTAINERS.contains(c.type)) {
            throw new Failure(c.type + " is not a JDK collection or map selftune rebuilds (" + CapturedObject.CONTAINERS + ")", null);
        }
        Object o;
        try {
            o = load(c.type).getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new Failure(c.type + " cannot be created (" + e + ")", e);
        }
        boolean map = c.kind == CapturedObject.MAP;
        if (map != o instanceof Map<?, ?>) {
            throw new Failure(c.type + " was captured as a " + (map ? "map" : "collection") + " but is not one", null);
        }
        built.put(c, o);
        if (map) {
            Map<Object, Object> m = (Map<Object, Object>) o;
            for (int i = 0; i + 1 < c.values.length; i += 2) {
                m.put(value(c.values[i]), value(c.values[i + 1]));
            }
        } else {
            java.util.Collection<Object> col = (java.util.Collection<Object>) o;
            for (Object item : c.values) {
                col.add(value(item));
            }
        }
        return o;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object enumConstant(CapturedObject c) {
        Class<?> e = load(c.type);
        if (!e.isEnum()) {
            throw new Failure(c.type + " is not an enum", null);
        }
        try {
            return Enum.valueOf((Class) e, c.names[0]);
        } catch (IllegalArgumentException ex) {
            throw new Failure("enum " + c.type + " has no constant " + c.names[0], ex);
        }
    }

    private Object object(CapturedObject c) {
        Class<?> k = load(c.type);
        if (k == Object.class) {
            Object o = new Object();
            built.put(c, o);
            return o;
        }
        if (isJdk(k) || k.isInterface() || k.isArray() || Modifier.isAbstract(k.getModifiers()) || k.isHidden()) {
            throw new Failure(c.type + " is a JDK, abstract or hidden class: only the application's own classes are rebuilt", null);
        }
        if (k.isRecord()) {
            throw new Failure(c.type + " is a record but was captured as a plain object (the class on the class path differs):"
                    + " capture the inputs again", null);
        }
        Object o = allocate(k);
        built.put(c, o);
        for (int i = 0; i < c.names.length; i++) {
            Field f = field(k, c.names[i]);
            try {
                f.setAccessible(true);
                f.set(o, value(c.values[i]));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new Failure("field " + c.names[i] + " cannot be set (" + e + ")", e);
            }
        }
        return o;
    }

    /*
     * A record's fields are final even to reflection (Field#set refuses them, JDK 16+): the canonical
     * constructor, the one whose parameters are the component types in order, is the way in, and a
     * compact constructor that validates or normalises runs on the captured values, as the record's
     * own contract demands. When it throws (it checks something the captured state no longer meets:
     * an array component mutated after construction), the row is refused with the record and the
     * exception (Failure#refusesRow), never the run. A cycle back to a record under construction
     * cannot be rebuilt (the capture refuses it; a file that holds one anyway fails here).
     */
    private Object record(CapturedObject c) {
        Class<?> k = load(c.type);
        if (!k.isRecord() || isJdk(k) || k.isHidden()) {
            throw new Failure(c.type + " was captured as a record but is not one of the application's records on this class path", null);
        }
        RecordComponent[] rc = k.getRecordComponents();
        Class<?>[] types = new Class<?>[rc.length];
        String[] names = new String[rc.length];
        for (int i = 0; i < rc.length; i++) {
            types[i] = rc[i].getType();
            names[i] = rc[i].getName();
        }
        if (!java.util.Arrays.equals(names, c.names)) {
            throw new Failure("record " + k.getName() + " has the components " + java.util.Arrays.toString(names)
                    + " but was captured with " + java.util.Arrays.toString(c.names) + " (the class on the class path differs)", null);
        }
        inProgress.put(c, k.getName());
        Object[] args = new Object[rc.length];
        for (int i = 0; i < rc.length; i++) {
            args[i] = value(c.values[i]);
        }
        inProgress.remove(c);
        Object o;
        try {
            Constructor<?> ctor = k.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            o = ctor.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new Failure("the canonical constructor of record " + k.getName() + " refused the captured components "
                    + java.util.Arrays.toString(names) + " (" + e.getCause() + ")", e.getCause(), true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new Failure("record " + k.getName() + " cannot be built through its canonical constructor (" + e + ")", e);
        }
        built.put(c, o);
        return o;
    }

    private Object allocate(Class<?> k) {
        try {
            return allocate(k, allocators);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new Failure("an instance of " + k.getName() + " cannot be allocated (" + e + ")", e);
        }
    }

    /** A new {@code k} allocated without running its constructors (see the class comment); {@code cache} keeps the allocators. */
    static Object allocate(Class<?> k, Map<Class<?>, Constructor<?>> cache) throws ReflectiveOperationException {
        Constructor<?> ctor = cache.get(k);
        if (ctor == null) {
            ctor = sun.reflect.ReflectionFactory.getReflectionFactory()
                    .newConstructorForSerialization(k, Object.class.getDeclaredConstructor());
            cache.put(k, ctor);
        }
        return ctor.newInstance();
    }

    private Field field(Class<?> k, String key) {
        int dot = key.lastIndexOf('.');
        String owner = key.substring(0, Math.max(dot, 0));
        String name = key.substring(dot + 1);
        for (Class<?> c = k; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(owner)) {
                try {
                    Field f = c.getDeclaredField(name);
                    if (Modifier.isStatic(f.getModifiers())) {
                        break;
                    }
                    return f;
                } catch (NoSuchFieldException e) {
                    break;
                }
            }
        }
        throw new Failure(k.getName() + " has no instance field " + key
                + " (the class on the class path differs from the one captured?)", null);
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new Failure("class " + name + " is not on the class path", e);
        }
    }

    private static boolean isJdk(Class<?> c) {
        ClassLoader l = c.getClassLoader();
        return l == null || l == ClassLoader.getPlatformClassLoader();
    }
}
