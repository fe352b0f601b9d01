package dev.selftune.inputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.objectweb.asm.Type;

/**
 * Small rows reshaped the way real callers shape them and fresh generation never does: the same
 * array passed twice, matrices sharing rows (within one argument and between two), ragged and null
 * rows, null arguments. A variant that reads an array after writing it through an alias, or that
 * checks its arguments in another order (so another exception comes first), differs here.
 */
final class ShapeRows {
    /* 200 reshaped rows: each of the six reshapes applies to ~1 row in 6 of them, so every reshape
     * the parameter types allow is tried ~30 times with different lengths and values. */
    static final int ROWS = 200;

    private ShapeRows() { }

    /** {@code row} reshaped in place (types kept), or null when no reshape applies to this one. */
    static Object[] reshape(ParamTypes p, Object[] row, Random r) {
        List<Runnable> options = new ArrayList<>();
        List<Runnable> nulls = new ArrayList<>();
        for (int j = 0; j < p.count(); j++) {
            Type t = p.get(j);
            int jj = j;
            if (t.getSort() == Type.ARRAY || t.getSort() == Type.OBJECT) {
                nulls.add(() -> row[jj] = null);
            }
            for (int k = j + 1; k < p.count(); k++) {
                int kk = k;
                if (t.getSort() == Type.ARRAY && t.equals(p.get(k))) {
                    options.add(() -> row[kk] = row[jj]);
                }
                if (t.getSort() == Type.ARRAY && t.getDimensions() == 2 && t.equals(p.get(k))) {
                    options.add(() -> shareAcross(row[jj], row[kk], r));
                }
            }
            if (t.getSort() == Type.ARRAY && t.getDimensions() == 2) {
                options.add(() -> shareWithin(row[jj], r));
                options.add(() -> ragged(row[jj], t.getElementType().getSort(), r));
                options.add(() -> nullRow(row[jj], r));
            }
        }
        /* A null argument usually fails on the first line, the same in every variant: one row in
         * eight gets one, the rest are aliased or ragged when the types allow that. */
        boolean nullArgument = !nulls.isEmpty() && r.nextInt(8) == 0;
        if (options.isEmpty() && !nullArgument) {
            return null;
        }
        if (!options.isEmpty()) {
            options.get(r.nextInt(options.size())).run();
            if (r.nextInt(3) == 0) {
                options.get(r.nextInt(options.size())).run();
            }
        }
        if (nullArgument) {
            nulls.get(r.nextInt(nulls.size())).run();
        }
        return row;
    }

    private static void shareWithin(Object m, Random r) {
        if (m instanceof Object[] && ((Object[]) m).length >= 2) {
            Object[] a = (Object[]) m;
            int from = r.nextInt(a.length);
            int to = (from + 1 + r.nextInt(a.length - 1)) % a.length;
            a[to] = a[from];
        }
    }

    private static void shareAcross(Object m, Object n, Random r) {
        if (m instanceof Object[] && n instanceof Object[] && ((Object[]) m).length > 0 && ((Object[]) n).length > 0) {
            Object[] a = (Object[]) m;
            Object[] b = (Object[]) n;
            b[r.nextInt(b.length)] = a[r.nextInt(a.length)];
        }
    }

    private static void ragged(Object m, int elementSort, Random r) {
        if (m instanceof Object[] && ((Object[]) m).length > 0) {
            Object[] a = (Object[]) m;
            int i = r.nextInt(a.length);
            int len = a[i] == null ? 1 : java.lang.reflect.Array.getLength(a[i]);
            int other = r.nextBoolean() ? len + 1 + r.nextInt(3) : r.nextInt(Math.max(1, len));
            a[i] = ValueGenerator.array(elementSort, other, ValueGenerator.Mode.SMALL, r);
        }
    }

    private static void nullRow(Object m, Random r) {
        if (m instanceof Object[] && ((Object[]) m).length > 0) {
            Object[] a = (Object[]) m;
            a[r.nextInt(a.length)] = null;
        }
    }
}
