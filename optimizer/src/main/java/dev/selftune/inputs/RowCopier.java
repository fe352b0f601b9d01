package dev.selftune.inputs;

import java.lang.reflect.Array;
import java.util.IdentityHashMap;

/** Deep copies of argument rows: arrays (any depth) are copied, everything else is shared; aliasing is kept. */
final class RowCopier {
    private RowCopier() { }

    /*
     * Boxed values and Strings are immutable, so sharing them is a copy; the receiver is shared on
     * purpose (JMH measures calls on one receiver). Arrays are copied at every depth, keeping their
     * runtime component type so a double[][] stays a double[][] for the method handle's cast.
     * One identity map spans the row, so the copy has the row's alias structure: f(a, a) stays a
     * call with one array twice, and two rows of a matrix that are one array stay one array.
     */
    static Object[] copy(Object[] row) {
        IdentityHashMap<Object, Object> copies = new IdentityHashMap<>();
        Object[] out = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = copyValue(row[i], copies);
        }
        return out;
    }

    static Object copyValue(Object v) {
        return copyValue(v, new IdentityHashMap<>());
    }

    private static Object copyValue(Object v, IdentityHashMap<Object, Object> copies) {
        if (v == null || !v.getClass().isArray()) {
            return v;
        }
        Object done = copies.get(v);
        if (done != null) {
            return done;
        }
        Object c = copyArray(v, copies);
        copies.put(v, c);
        return c;
    }

    private static Object copyArray(Object v, IdentityHashMap<Object, Object> copies) {
        if (v.getClass().getComponentType().isPrimitive()) {
            if (v instanceof int[]) return ((int[]) v).clone();
            if (v instanceof double[]) return ((double[]) v).clone();
            if (v instanceof long[]) return ((long[]) v).clone();
            if (v instanceof float[]) return ((float[]) v).clone();
            if (v instanceof byte[]) return ((byte[]) v).clone();
            if (v instanceof char[]) return ((char[]) v).clone();
            if (v instanceof short[]) return ((short[]) v).clone();
            return ((boolean[]) v).clone();
        }
        Object[] src = (Object[]) v;
        Object[] dst = (Object[]) Array.newInstance(src.getClass().getComponentType(), src.length);
        copies.put(src, dst);
        for (int i = 0; i < src.length; i++) {
            dst[i] = copyValue(src[i], copies);
        }
        return dst;
    }
}
