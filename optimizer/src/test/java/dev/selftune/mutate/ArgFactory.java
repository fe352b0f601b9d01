package dev.selftune.mutate;

import java.lang.reflect.Array;
import java.util.Random;

/**
 * The equivalence run's own argument rows, independent of {@code inputs}: shared or mismatched
 * lengths, aliased arguments, ragged and null rows, index-like ints, strings that contain each other,
 * and edge doubles (NaN, -0.0, infinities, subnormals) unless the subject compares with a tolerance.
 */
final class ArgFactory {
    private final Class<?>[] types;
    private final boolean finite;

    ArgFactory(Class<?>[] types, boolean finite) {
        this.types = types.clone();
        this.finite = finite;
    }

    boolean hasMatrix() {
        for (Class<?> t : types) {
            if (t.isArray() && t.getComponentType().isArray()) {
                return true;
            }
        }
        return false;
    }

    /** A row whose arrays mostly have length {@code len} (the side, for matrices). */
    Object[] row(Random r, int len) {
        Object[] row = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            int alias = r.nextInt(8) == 0 ? earlierSame(i) : -1;
            if (alias >= 0 && !types[i].isPrimitive()) {
                row[i] = row[alias];
                continue;
            }
            int l = r.nextInt(8) == 0 ? Math.max(0, len + r.nextInt(5) - 2) : len;
            row[i] = types[i] == String.class && i > 0 && row[0] instanceof String s && r.nextInt(3) == 0
                    ? substring(s, r) : value(types[i], r, l, len);
        }
        return row;
    }

    private int earlierSame(int i) {
        for (int j = 0; j < i; j++) {
            if (types[j] == types[i]) {
                return j;
            }
        }
        return -1;
    }

    private static String substring(String s, Random r) {
        int a = s.isEmpty() ? 0 : r.nextInt(s.length());
        int b = a + (s.length() - a == 0 ? 0 : r.nextInt(Math.min(6, s.length() - a) + 1));
        return s.substring(a, b);
    }

    private Object value(Class<?> t, Random r, int len, int rowLen) {
        if (t.isPrimitive()) {
            return scalar(t, r, rowLen);
        }
        if (r.nextInt(64) == 0) {
            return null;
        }
        if (t == String.class) {
            StringBuilder sb = new StringBuilder(len);
            boolean narrow = r.nextInt(4) != 0;
            for (int i = 0; i < len; i++) {
                sb.append(narrow ? (char) ('a' + r.nextInt(3)) : (char) r.nextInt(0x10000));
            }
            return sb.toString();
        }
        if (!t.isArray()) {
            return null;
        }
        Class<?> e = t.getComponentType();
        Object a = Array.newInstance(e, len);
        for (int i = 0; i < len; i++) {
            if (e.isArray()) {
                int inner = r.nextInt(24) == 0 ? Math.max(0, len + r.nextInt(3) - 1) : len;
                Array.set(a, i, r.nextInt(48) == 0 ? null : value(e, r, inner, len));
            } else {
                Array.set(a, i, element(e, r, len));
            }
        }
        return a;
    }

    private Object scalar(Class<?> t, Random r, int len) {
        if (t == int.class || t == long.class || t == short.class || t == byte.class || t == char.class) {
            long[] edges = {0, 1, -1, len - 1, len, len + 1, Integer.MIN_VALUE, Integer.MAX_VALUE, 2, 10, 256, 1000};
            long v = r.nextInt(3) == 0 ? edges[r.nextInt(edges.length)] : r.nextInt(Math.max(1, len + 2));
            if (r.nextInt(16) == 0) {
                v = r.nextInt();
            }
            return t == int.class ? (Object) (int) v : t == long.class ? (Object) v : t == short.class ? (Object) (short) v
                    : t == byte.class ? (Object) (byte) v : (Object) (char) v;
        }
        if (t == boolean.class) {
            return r.nextBoolean();
        }
        double d = dbl(r);
        return t == float.class ? (Object) (float) d : (Object) d;
    }

    private Object element(Class<?> e, Random r, int len) {
        if (e == double.class || e == float.class) {
            double d = dbl(r);
            return e == float.class ? (Object) (float) d : (Object) d;
        }
        boolean small = r.nextBoolean();
        long v = small ? r.nextInt(200) - 100 : r.nextLong();
        return switch (e.getName()) {
            case "int" -> (int) v;
            case "long" -> v;
            case "short" -> (short) v;
            case "byte" -> (byte) v;
            case "char" -> (char) v;
            case "boolean" -> (v & 1) == 0;
            default -> null;
        };
    }

    private double dbl(Random r) {
        double[] edges = {0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e300, -1e-300,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        if (r.nextInt(10) == 0) {
            return edges[r.nextInt(finite ? 8 : edges.length)];
        }
        return r.nextInt(3) == 0 ? r.nextInt(21) - 10 : r.nextGaussian() * 1e3;
    }
}
