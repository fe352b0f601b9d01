package dev.selftune.inputs;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Copies of the caller's rows with fresh floating-point values: the same object graph (classes, array
 * lengths, integers, booleans, Strings, enums, which values are shared), every finite non-zero double and
 * float scaled by a random factor in [0.5, 1.5). For a method whose parameters include a class type, which
 * nothing here can generate from the type alone, a provider's few rows are otherwise all that verification
 * has, and a variant needs {@code Verifier.MIN_CHECKED_ROWS} of them to pass: a user who gave four matrices
 * got "only 4 inputs can be checked". The copies differ in every value that is data and in nothing that is
 * structure: an int may be a size, an index or a count that other fields must agree with, so integers are
 * kept; a zero stays zero (a sparse pattern stays sparse) and a sign stays a sign (a positive weight stays
 * positive).
 *
 * <p>A row is copied only when every object in it can be: arrays, the boxes and Strings (shared, being
 * immutable), enums, and objects of the application's classes (allocated without a constructor, as
 * {@link Rebuilder} does, and filled field by field). A JDK object other than those (a list, a map: their
 * insides are closed to reflection), a record (its fields are final to reflection), a hidden class, more
 * than {@link #MAX_OBJECTS} objects or more than {@link #MAX_ELEMENTS} array elements refuse the row;
 * it then has no copies, and the caller's rows are all there is, as before.
 */
final class Perturbed {
    /** Objects one copied row may hold. */
    static final int MAX_OBJECTS = 10_000;
    /** Array elements one copied row may hold: copies of big rows would make verification slow for no more coverage. */
    static final long MAX_ELEMENTS = 1 << 16;
    /** Caller rows plus copies that verification gets when the types allow nothing else: the verifier needs 100 checked, and a few may run past its work bound. */
    static final int TARGET_ROWS = 150;

    private Perturbed() { }

    /**
     * Copies of {@code caller} (round robin over the rows that can be copied) until they and the caller's
     * rows number {@link #TARGET_ROWS}; none when no row can be copied or there are enough already.
     */
    static List<Object[]> rows(List<Object[]> caller, long seed) {
        List<Object[]> out = new ArrayList<>();
        int want = TARGET_ROWS - caller.size();
        if (want <= 0) {
            return out;
        }
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + 17);
        List<Object[]> copyable = new ArrayList<>();
        for (Object[] row : caller) {
            if (copy(row, r) != null) {
                copyable.add(row);
            }
        }
        for (int i = 0; !copyable.isEmpty() && out.size() < want; i++) {
            Object[] c = copy(copyable.get(i % copyable.size()), r);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** One copy of {@code row} with fresh floating-point values, or null when something in it cannot be copied. */
    static Object[] copy(Object[] row, Random r) {
        Copier c = new Copier(r);
        Object[] out = new Object[row.length];
        try {
            for (int i = 0; i < row.length; i++) {
                out[i] = c.value(row[i]);
            }
        } catch (Refused e) {
            return null;
        }
        return out;
    }

    /** Thrown inside a copy when the row holds something that cannot be copied. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
    }

    /* Immutable JDK values shared as they are. */
    private static final Set<Class<?>> SHARED = Set.of(String.class, Integer.class, Long.class, Short.class, Byte.class,
            Character.class, Boolean.class, java.math.BigInteger.class, java.math.BigDecimal.class, java.util.UUID.class);

    private static final class Copier {
        private final Random r;
        private final IdentityHashMap<Object, Object> done = new IdentityHashMap<>();
        private final Map<Class<?>, Constructor<?>> allocators = new HashMap<>();
        private int objects;
        private long elements;

        Copier(Random r) {
            this.r = r;
        }

        double scaled(double d) {
            return d == 0 || !Double.isFinite(d) ? d : d * (0.5 + r.nextDouble());
        }

        Object value(Object v) throws Refused {
            if (v == null || SHARED.contains(v.getClass()) || v instanceof Enum<?>) {
                return v;
            }
            if (v instanceof Double d) {
                return scaled(d);
            }
            if (v instanceof Float f) {
                return (float) scaled(f);
            }
            Object seen = done.get(v);
            if (seen != null) {
                return seen;
            }
            if (++objects > MAX_OBJECTS) {
                throw new Refused();
            }
            Class<?> k = v.getClass();
            return k.isArray() ? array(v, k) : object(v, k);
        }

        private Object array(Object v, Class<?> k) throws Refused {
            int n = Array.getLength(v);
            elements += n;
            if (elements > MAX_ELEMENTS) {
                throw new Refused();
            }
            Object c;
            if (v instanceof double[] d) {
                double[] x = d.clone();
                for (int i = 0; i < x.length; i++) {
                    x[i] = scaled(x[i]);
                }
                c = x;
            } else if (v instanceof float[] f) {
                float[] x = f.clone();
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) scaled(x[i]);
                }
                c = x;
            } else if (k.getComponentType().isPrimitive()) {
                c = RowCopier.copyValue(v);
            } else {
                Object[] src = (Object[]) v;
                Object[] dst = (Object[]) Array.newInstance(k.getComponentType(), n);
                done.put(v, dst);
                for (int i = 0; i < n; i++) {
                    dst[i] = value(src[i]);
                }
                return dst;
            }
            done.put(v, c);
            return c;
        }

        private Object object(Object v, Class<?> k) throws Refused {
            String name = k.getName();
            if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")
                    || k.isRecord() || k.isHidden() || k.isSynthetic()) {
                throw new Refused();
            }
            Object o = allocate(k);
            done.put(v, o);
            for (Class<?> c = k; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        Class<?> t = f.getType();
                        if (t == double.class) {
                            f.setDouble(o, scaled(f.getDouble(v)));
                        } else if (t == float.class) {
                            f.setFloat(o, (float) scaled(f.getFloat(v)));
                        } else if (t.isPrimitive()) {
                            f.set(o, f.get(v));
                        } else {
                            f.set(o, value(f.get(v)));
                        }
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new Refused();
                    }
                }
            }
            return o;
        }

        /* Without a constructor, the allocation Java serialisation uses (see Rebuilder): a constructor could validate, count or register. */
        private Object allocate(Class<?> k) throws Refused {
            try {
                return Rebuilder.allocate(k, allocators);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                throw new Refused();
            }
        }
    }
}
