package dev.selftune.inputs;

import dev.selftune.api.TuneException;
import dev.selftune.inputs.ValueGenerator.Mode;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.objectweb.asm.Type;

/** Generated measurement rows: one per size, in the first configuration the target accepts. */
final class MeasurementRows {
    static final int MAX_USER_ROWS = 64;

    private MeasurementRows() { }

    /*
     * Probing mutates (a sort sorts its array, a receiver may change), so each probe runs on a copy
     * and the accepted configuration is regenerated from its seed: the rows handed back have never
     * been run. Array values: full-range ints first, then small non-negative values (a histogram
     * indexes by value); doubles in [-1, 1) in both, because raw bit patterns would measure the
     * overflow-to-infinity path rather than the caller's. Int parameters try the size first:
     * with two or more ints (lo, hi), (off, len) the pair (0, n) comes before (n, n), which would
     * select an empty range.
     */
    static List<Object[]> generated(ParamTypes p, boolean isStatic, long seed, int[] sizes, ClassLoader loader, MethodHandle probe) {
        if (sizes.length == 0) {
            throw new TuneException("--sizes", "no sizes to measure " + p.method() + " at: give at least one, like --sizes 16,1024,65536");
        }
        List<Object[]> rows = new ArrayList<>();
        for (int size : sizes) {
            boolean found = false;
            for (Mode mode : new Mode[] {Mode.FULL, Mode.SMALL}) {
                for (long[] ints : configurations(p, n(p, size))) {
                    if (returnsNormally(probe, build(p, isStatic, seed, size, mode, ints, loader))) {
                        rows.add(build(p, isStatic, seed, size, mode, ints, loader));
                        found = true;
                        break;
                    }
                }
                if (found) {
                    break;
                }
            }
        }
        requireSome(rows, p, "generated");
        return rows;
    }

    /** The provider's or file's rows (the first {@link #MAX_USER_ROWS}); at least one must return normally. */
    static List<Object[]> user(List<Object[]> fresh, List<Object[]> probeCopies, ParamTypes p, MethodHandle probe) {
        List<Object[]> rows = new ArrayList<>(fresh.subList(0, Math.min(MAX_USER_ROWS, fresh.size())));
        boolean any = false;
        for (int i = 0; i < rows.size() && !any; i++) {
            any = returnsNormally(probe, probeCopies.get(i));
        }
        if (!any) {
            requireSome(List.of(), p, "--inputs");
        }
        return rows;
    }

    private static void requireSome(List<Object[]> rows, ParamTypes p, String what) {
        if (rows.isEmpty()) {
            throw new TuneException(p.method().toString(), p.method() + " throws on every " + what
                    + " measurement input: pass --inputs <class>#<static method returning Object[][]> with arguments it accepts");
        }
    }

    static boolean returnsNormally(MethodHandle probe, Object[] row) {
        try {
            if (probe.type().parameterCount() == row.length) {
                probe.invokeWithArguments(row);
            } else {
                probe.invokeWithArguments(new Object[] {row});
            }
            return true;
        } catch (Throwable t) {
            return false;
        }
    }

    private static int n(ParamTypes p, int size) {
        return GeneratedRows.hasMatrix(p) ? (int) Math.round(Math.sqrt(size)) : size;
    }

    static List<long[]> configurations(ParamTypes p, int n) {
        int k = GeneratedRows.indexLikeCount(p);
        Set<List<Long>> seen = new LinkedHashSet<>();
        if (k >= 2) {
            seen.add(lastIs(k, n));
            seen.add(lastIs(k, n - 1));
        }
        for (long v : new long[] {n, n - 1, n / 2, 16, 1, 0}) {
            List<Long> all = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                all.add(v);
            }
            seen.add(all);
        }
        List<long[]> out = new ArrayList<>();
        for (List<Long> c : seen) {
            out.add(c.stream().mapToLong(Long::longValue).toArray());
        }
        return out;
    }

    private static List<Long> lastIs(int k, long last) {
        List<Long> c = new ArrayList<>();
        for (int i = 0; i < k - 1; i++) {
            c.add(0L);
        }
        c.add(last);
        return c;
    }

    private static Object[] build(ParamTypes p, boolean isStatic, long seed, int size, Mode mode, long[] ints, ClassLoader loader) {
        Random r = new Random(GeneratedRows.mix(seed ^ 0x5EED_CAFEL, size * 2L + mode.ordinal()));
        int side = (int) Math.round(Math.sqrt(size));
        Object[] args = new Object[p.count()];
        String first = null;
        int nextInt = 0;
        for (int j = 0; j < p.count(); j++) {
            Type t = p.get(j);
            if (p.isEnum(j)) {
                Object[] c = p.enumConstants(j);
                args[j] = c[r.nextInt(c.length)];
            } else if (t.getSort() == Type.ARRAY) {
                Type e = t.getElementType();
                Mode m = e.getSort() == Type.DOUBLE || e.getSort() == Type.FLOAT ? Mode.UNIT : mode;
                args[j] = ValueGenerator.value(t, t.getDimensions() == 2 ? side : size, m, r);
            } else if (t.getSort() == Type.OBJECT) {
                if (first == null) {
                    first = ValueGenerator.string(size, Mode.UNIT, r);
                    args[j] = first;
                } else {
                    args[j] = first.substring(first.length() - Math.min(first.length(), side));
                }
            } else if (GeneratedRows.isIndexLike(t)) {
                args[j] = GeneratedRows.box(t, ints[nextInt++]);
            } else {
                args[j] = ValueGenerator.scalar(t.getSort(), Mode.UNIT, r);
            }
        }
        return isStatic ? args : Receivers.prepend(List.<Object[]>of(args), p, loader).get(0);
    }
}
