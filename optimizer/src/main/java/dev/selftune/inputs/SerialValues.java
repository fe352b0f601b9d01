package dev.selftune.inputs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.Set;

/**
 * Reads back a JDK value captured in its serial form ({@link CapturedObject#SERIAL_VALUES}). The
 * stream may name only that class, the JDK classes its serial form is made of (BigDecimal holds a
 * BigInteger, BigInteger an int[], BitSet a long[], java.time values travel as java.time.Ser) and
 * their serializable superclass Number; anything else is refused before any of its code runs.
 */
final class SerialValues {
    private static final Set<String> PARTS = Set.of("java.lang.Number", "java.math.BigInteger", "java.time.Ser", "[I", "[J", "[B");
    private static final int MAX_DEPTH = 8;
    private static final long MAX_BYTES = 1 << 20;

    private SerialValues() { }

    static Object read(String type, byte[] form) {
        if (!CapturedObject.SERIAL_VALUES.contains(type)) {
            throw new Rebuilder.Failure(type + " is not a JDK value class selftune reads back " + CapturedObject.SERIAL_VALUES, null);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(form))) {
            in.setObjectInputFilter(info -> filter(info, type));
            Object v = in.readObject();
            if (v == null || !v.getClass().getName().equals(type)) {
                throw new Rebuilder.Failure("the serial form of a " + type + " held a "
                        + (v == null ? "null" : v.getClass().getName()), null);
            }
            return v;
        } catch (IOException | ClassNotFoundException e) {
            throw new Rebuilder.Failure("the serial form of a " + type + " cannot be read (" + e + ")", e);
        }
    }

    private static ObjectInputFilter.Status filter(ObjectInputFilter.FilterInfo info, String type) {
        if (info.depth() > MAX_DEPTH || info.streamBytes() > MAX_BYTES) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> c = info.serialClass();
        if (c == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        boolean jdk = c.getClassLoader() == null;
        return jdk && (c.getName().equals(type) || PARTS.contains(c.getName()))
                ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    }
}
