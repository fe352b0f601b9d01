package dev.selftune.inputs;

import dev.selftune.inputs.ValueGenerator.Mode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.objectweb.asm.Type;

/** Generated verification argument lists: many small rows rich in edge cases, then a few at each size. */
final class GeneratedRows {
    /* 1200, not 1000: verification drops rows the original cannot finish cheaply (a loop to a
     * full-range n), and a pass should still stand on at least 1000 checked inputs. */
    static final int SMALL_ROWS = 1200;
    static final int BIG_ROWS_PER_SIZE = 2;
    /* Bounds on the work of one small row. Matrices get sides 0..16 (an O(n^3) method averages ~1k
     * steps a row): each variant is a fresh class that starts interpreted, so 1000 rows of 32-square
     * matrix products cost ~150 ms per variant where 16-square ones cost a fifth of that. */
    static final int MAX_SMALL_LENGTH = 64;
    static final int MAX_SMALL_SIDE = 16;
    /* Big String rows: two 65536-char strings would make an O(n*m) method (edit distance) take
     * seconds per call; the first String is capped at 16k chars, later ones (a pattern, the other
     * word) at 256, so n*m stays near 4M steps (16M made edit distance cost ~0.7 s per variant). */
    static final int MAX_BIG_STRING = 16_384;
    static final int MAX_BIG_OTHER_STRING = 256;

    private GeneratedRows() { }

    /**
     * Argument rows without receivers: {@link #SMALL_ROWS} small rows, {@link ShapeRows#ROWS} of them
     * reshaped (aliased, ragged, null) when the types allow, then big rows by ascending
     * size (two per size, one for matrices: a 256-square product is ~17M steps per variant).
     */
    static List<Object[]> rows(ParamTypes p, long seed, int[] sizes) {
        List<Object[]> rows = new ArrayList<>(SMALL_ROWS + sizes.length * BIG_ROWS_PER_SIZE);
        for (int i = 0; i < SMALL_ROWS; i++) {
            rows.add(smallRow(p, i, new Random(mix(seed, i))));
        }
        for (int k = 0; k < ShapeRows.ROWS; k++) {
            int i = 8 + (int) ((k * 7L) % (SMALL_ROWS - 8));
            Object[] reshaped = ShapeRows.reshape(p, smallRow(p, i, new Random(mix(seed, i))), new Random(mix(seed, 3_000_000L + k)));
            if (reshaped != null) {
                rows.add(reshaped);
            }
        }
        int[] sorted = Arrays.stream(sizes).distinct().sorted().toArray();
        int perSize = hasMatrix(p) ? 1 : BIG_ROWS_PER_SIZE;
        for (int size : sorted) {
            for (int k = 0; k < perSize; k++) {
                rows.add(bigRow(p, size, k, new Random(mix(seed, 1_000_000L + size * 8L + k))));
            }
        }
        return rows;
    }

    /** A per-row seed, so each row is reproducible on its own (a counterexample can be regenerated). */
    static long mix(long seed, long i) {
        long z = seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 31)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 29);
    }

    /*
     * The first eight rows walk lengths 0..7 (empty, length 1, odd lengths) in EDGE mode; later rows
     * draw a length (mostly 0..64, a quarter odd) and a value mode. Arrays in a row share the length
     * (dot products, element-wise ops need equal lengths) except one time in ten, and int parameters
     * lean towards that length, its neighbours and small values, because ints are usually sizes,
     * indices or counts: full-range ints alone would make most rows throw at the first index.
     */
    private static Object[] smallRow(ParamTypes p, int i, Random r) {
        int len;
        Mode mode;
        if (i < 8) {
            len = i;
            mode = i % 2 == 0 ? Mode.EDGE : Mode.SMALL;
        } else {
            int pick = r.nextInt(20);
            len = pick < 3 ? r.nextInt(4) : pick < 15 ? r.nextInt(MAX_SMALL_LENGTH + 1) : 2 * r.nextInt(32) + 1;
            Mode[] modes = {Mode.EDGE, Mode.SPECIAL, Mode.SMALL, Mode.SMALL, Mode.SMALL, Mode.SIGNED, Mode.SIGNED,
                Mode.FULL, Mode.FULL, Mode.UNIT};
            mode = modes[r.nextInt(modes.length)];
        }
        int side = len <= MAX_SMALL_SIDE ? len : len % (MAX_SMALL_SIDE + 1);
        boolean matrices = hasMatrix(p);
        int n = matrices ? side : len;
        Object[] row = new Object[p.count()];
        String firstString = null;
        long[] range = i >= 8 && indexLikeCount(p) >= 2 && r.nextInt(3) == 0 ? range(indexLikeCount(p), n, r) : null;
        int nextIndex = 0;
        for (int j = 0; j < p.count(); j++) {
            Type t = p.get(j);
            if (p.isEnum(j)) {
                Object[] k = p.enumConstants(j);
                row[j] = k[i < k.length ? i : r.nextInt(k.length)];   // every constant once, in the first rows
            } else if (range != null && isIndexLike(t)) {
                row[j] = box(t, range[nextIndex++]);
            } else if (t.getSort() == Type.ARRAY) {
                int own = i >= 8 && r.nextInt(10) == 0 ? r.nextInt(n + 2) : n;
                row[j] = ValueGenerator.value(t, own, mode, r);
            } else if (t.getSort() == Type.OBJECT) {
                String s = firstString != null && r.nextInt(3) == 0
                        ? firstString.substring(r.nextInt(firstString.length() + 1))
                        : ValueGenerator.string(firstString == null ? len : r.nextInt(len + 1), mode, r);
                firstString = firstString == null ? s : firstString;
                row[j] = s;
            } else if (isIndexLike(t) && (hasSized(p) || r.nextBoolean())) {
                row[j] = box(t, indexLike(n, r));
            } else {
                row[j] = ValueGenerator.scalar(t.getSort(), mode, r);
            }
        }
        return row;
    }

    /* Big rows stress the sizes a caller named: the first in full range, the second small values.
     * A single int is the size (the side for matrices); two or more are the range (0, .., n - 1),
     * then (0, .., n), so (lo, hi) and (off, len) cover the whole array in at least one row. */
    private static Object[] bigRow(ParamTypes p, int size, int k, Random r) {
        Mode mode = k == 0 ? Mode.FULL : Mode.SMALL;
        int side = (int) Math.round(Math.sqrt(size));
        int n = hasMatrix(p) ? side : size;
        Object[] row = new Object[p.count()];
        String first = null;
        int ints = indexLikeCount(p);
        int nextIndex = 0;
        for (int j = 0; j < p.count(); j++) {
            Type t = p.get(j);
            if (p.isEnum(j)) {
                Object[] c = p.enumConstants(j);
                row[j] = c[r.nextInt(c.length)];
            } else if (isIndexLike(t) && ints >= 2) {
                row[j] = box(t, ++nextIndex < ints ? 0 : k == 0 ? n - 1 : n);
            } else if (t.getSort() == Type.ARRAY) {
                row[j] = ValueGenerator.value(t, t.getDimensions() == 2 ? side : size, mode, r);
            } else if (t.getSort() == Type.OBJECT) {
                if (first == null) {
                    first = ValueGenerator.string(Math.min(size, MAX_BIG_STRING), k == 0 ? Mode.UNIT : Mode.SMALL, r);
                    row[j] = first;
                } else {
                    row[j] = first.substring(first.length() - Math.min(first.length(), MAX_BIG_OTHER_STRING));
                }
            } else if (isIndexLike(t)) {
                row[j] = box(t, k == 0 ? n : r.nextInt(17));
            } else {
                row[j] = ValueGenerator.scalar(t.getSort(), k == 0 ? Mode.UNIT : mode, r);
            }
        }
        return row;
    }

    /*
     * Two or more ints are usually a range into the arrays: (lo, hi), (from, to), (off, len). Drawn
     * independently, a valid range is rare (off = 0 about 1 row in 70), so a third of such rows use
     * (0, .., n), (0, .., n - 1) or ascending values within [0, n].
     */
    private static long[] range(int k, int n, Random r) {
        long[] v = new long[k];
        int pattern = r.nextInt(3);
        if (pattern < 2) {
            v[k - 1] = pattern == 0 ? n : n - 1;
            return v;
        }
        for (int i = 0; i < k; i++) {
            v[i] = r.nextInt(n + 1);
        }
        java.util.Arrays.sort(v);
        return v;
    }

    static int indexLikeCount(ParamTypes p) {
        int k = 0;
        for (int j = 0; j < p.count(); j++) {
            k += isIndexLike(p.get(j)) ? 1 : 0;
        }
        return k;
    }

    /*
     * Index-like values stay near the data (n, n - 1, n / 2, n + 1, 0..16), go negative (small and
     * full range), or hit MIN/MAX; random large positives are left out on purpose: as a size they
     * make the target allocate up to 2 GB per row (new byte[len]), each failure a full GC, and
     * verification would measure the collector. MAX_VALUE still covers overflow (lo + len).
     */
    private static long indexLike(int n, Random r) {
        int pick = r.nextInt(20);
        if (pick < 6) return n;
        if (pick < 8) return n - 1;
        if (pick < 9) return n / 2;
        if (pick < 10) return n + 1;
        if (pick < 15) return r.nextInt(17);
        if (pick < 17) return -1 - r.nextInt(16);
        if (pick < 18) return r.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        return r.nextInt() | Integer.MIN_VALUE;
    }

    static boolean isIndexLike(Type t) {
        int s = t.getSort();
        return s == Type.INT || s == Type.LONG || s == Type.SHORT;
    }

    static Object box(Type t, long v) {
        switch (t.getSort()) {
            case Type.LONG: return v;
            case Type.SHORT: return (short) v;
            default: return (int) v;
        }
    }

    static boolean hasMatrix(ParamTypes p) {
        for (int j = 0; j < p.count(); j++) {
            if (p.get(j).getSort() == Type.ARRAY && p.get(j).getDimensions() == 2) {
                return true;
            }
        }
        return false;
    }

    static boolean hasSized(ParamTypes p) {
        for (int j = 0; j < p.count(); j++) {
            int s = p.get(j).getSort();
            if (s == Type.ARRAY || s == Type.OBJECT && !p.isEnum(j)) {
                return true;
            }
        }
        return false;
    }
}
