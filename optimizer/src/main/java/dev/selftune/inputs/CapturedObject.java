package dev.selftune.inputs;

import java.io.Serializable;

/**
 * The loader-neutral state of one object captured in a running JVM (a receiver, or an object it
 * reaches): its class name and field values, a record's component values, an enum constant's name,
 * or an object array's items. Rebuilt field by field in the tuning JVM's class loader without running
 * a constructor; a record through its canonical constructor.
 */
public final class CapturedObject implements Serializable {
    /*
     * The serial form of an object graph the host's classes make, written into the captured-inputs
     * file next to primitive arrays and Strings. It names classes instead of holding instances
     * because the tuning JVM loads the application's classes once per sandbox (original, each
     * variant, each JMH fork): the same captured receiver is rebuilt in every one of those loaders.
     * Values are null, boxes, Strings, primitive arrays or CapturedObjects; one graph may share
     * nodes or be cyclic (Java serialisation keeps identity within a stream, the rebuild keeps it
     * within a row). Field keys are "declaring.class.Name.field", so a subclass field that shadows
     * a superclass field is still two fields.
     */
    private static final long serialVersionUID = 1L;
    static final byte OBJECT = 0;
    static final byte ENUM = 1;
    static final byte ARRAY = 2;
    static final byte COLLECTION = 3;
    static final byte MAP = 4;
    static final byte SERIALIZED = 5;
    static final byte RECORD = 6;

    /*
     * JDK value classes copied in their own serial form (their fields are closed to reflection, but
     * the JDK defines how they travel between JVMs): each either immutable or, like Random and
     * BitSet, a plain value whose serial form is its whole state. An explicit list: the rebuilding
     * side deserialises only these (and the helper classes their forms use), never "anything
     * Serializable", since deserialising runs the classes' readObject code (JEP 290).
     */
    public static final java.util.Set<String> SERIAL_VALUES = java.util.Set.of(
            "java.util.Random", "java.util.UUID", "java.util.BitSet", "java.util.Date",
            "java.math.BigInteger", "java.math.BigDecimal",
            "java.time.Instant", "java.time.Duration", "java.time.LocalDate", "java.time.LocalTime",
            "java.time.LocalDateTime", "java.time.Period");

    /*
     * JDK containers copied through their interfaces and rebuilt with their public no-arg
     * constructor plus add/put: the ones whose state is their contents. A sorted one is accepted
     * only with natural ordering (a comparator is code, with no loader-neutral name), and a
     * LinkedHashMap is rebuilt in insertion order (an access-ordered one becomes insertion-ordered,
     * its current iteration order kept). Everything else in the JDK is refused at capture.
     */
    /** The JDK collection and map classes a captured receiver may hold (exact classes). */
    public static final java.util.Set<String> CONTAINERS = java.util.Set.of(
            "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque", "java.util.HashSet",
            "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.PriorityQueue",
            "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.ConcurrentLinkedQueue",
            "java.util.concurrent.ConcurrentLinkedDeque", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.IdentityHashMap", "java.util.concurrent.ConcurrentHashMap");

    final byte kind;
    final String type;
    final String[] names;
    final Object[] values;

    private CapturedObject(byte kind, String type, String[] names, Object[] values) {
        this.kind = kind;
        this.type = type;
        this.names = names;
        this.values = values;
    }

    /** An instance of {@code type} (a binary class name); {@code values[i]} is the field {@code keys[i]}, filled by the caller. */
    public static CapturedObject object(String type, String[] keys, Object[] values) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException(type + ": " + keys.length + " field keys for " + values.length + " values");
        }
        return new CapturedObject(OBJECT, type, keys, values);
    }

    /**
     * A record of class {@code type}: {@code values[i]} is its component {@code components[i]}, every
     * component in declaration order (the canonical constructor's parameter order), filled by the caller.
     */
    public static CapturedObject record(String type, String[] components, Object[] values) {
        if (components.length != values.length) {
            throw new IllegalArgumentException(type + ": " + components.length + " record components for " + values.length + " values");
        }
        return new CapturedObject(RECORD, type, components, values);
    }

    /** The constant {@code name} of enum {@code type}. */
    public static CapturedObject enumConstant(String type, String name) {
        return new CapturedObject(ENUM, type, new String[] {name}, new Object[0]);
    }

    /** An array of class {@code arrayType} ({@code Class.getName()} form, like {@code [Lcom.acme.Item;}) with {@code items}, filled by the caller. */
    public static CapturedObject array(String arrayType, Object[] items) {
        return new CapturedObject(ARRAY, arrayType, new String[0], items);
    }

    /** A JDK collection of class {@code type} (one of {@link #CONTAINERS}) with {@code items} in iteration order, filled by the caller. */
    public static CapturedObject collection(String type, Object[] items) {
        return new CapturedObject(COLLECTION, type, new String[0], items);
    }

    /** A JDK map of class {@code type} (one of {@link #CONTAINERS}); {@code keysAndValues} alternate, filled by the caller. */
    public static CapturedObject map(String type, Object[] keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(type + ": keys and values must alternate, got " + keysAndValues.length + " items");
        }
        return new CapturedObject(MAP, type, new String[0], keysAndValues);
    }

    /** A JDK value of class {@code type} (one of {@link #SERIAL_VALUES}) in its Java serial form. */
    public static CapturedObject serialized(String type, byte[] form) {
        if (!SERIAL_VALUES.contains(type)) {
            throw new IllegalArgumentException(type + " is not a JDK value class copied by its serial form " + SERIAL_VALUES);
        }
        return new CapturedObject(SERIALIZED, type, new String[0], new Object[] {form.clone()});
    }

    /** The field key for field {@code field} declared in {@code declaring}. */
    public static String key(Class<?> declaring, String field) {
        return declaring.getName() + "." + field;
    }

    /** The binary name of the captured object's class (an array class name for arrays). */
    public String type() {
        return type;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ENUM -> type + "." + names[0];
            case ARRAY, COLLECTION -> type + "[" + values.length + "]";
            case MAP -> type + "[" + values.length / 2 + " entries]";
            case SERIALIZED -> type + "(serial form, " + ((byte[]) values[0]).length + " bytes)";
            case RECORD -> type + "(" + String.join(", ", names) + ")";
            default -> type + "{" + names.length + " fields}";
        };
    }
}
