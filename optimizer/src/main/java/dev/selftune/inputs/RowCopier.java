package dev.selftune.inputs;

import java.lang.reflect.Array;

/** Deep copies of argument rows: arrays (any depth) are copied, everything else is shared. */
final class RowCopier {
    private RowCopier() { }

    /*
     * Boxed values and Strings are immutable, so sharing them is a copy; the receiver is shared on
     * purpose (JMH measures calls on one receiver). Arrays are copied at every depth, keeping their
     * runtime component type so a double[][] stays a double[][] for the method handle's cast.
     */
    static Object[] copy(Object[] row) {
        Object[] out = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = copyValue(row[i]);
        }
        return out;
    }

    static Object copyValue(Object v) {
        if (v == null || !v.getClass().isArray()) {
            return v;
        }
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
        for (int i = 0; i < src.length; i++) {
            dst[i] = copyValue(src[i]);
        }
        return dst;
    }
}
