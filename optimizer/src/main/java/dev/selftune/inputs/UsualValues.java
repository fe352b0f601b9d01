package dev.selftune.inputs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Type;

/**
 * How often each int or long parameter of a method takes its most common value in the rows the run
 * has from its callers ({@code --inputs} or captured calls): the evidence for value specialisation,
 * and the value the verifier must test on both sides of.
 */
public final class UsualValues {
    /** A parameter is "nearly always" one value when at least this share of the rows have it. */
    public static final double NEARLY_ALWAYS = 0.9;
    /**
     * Fewer caller rows than this are no evidence of a usual value. Five, not more: a provider is a user's
     * picture of typical calls and is often short (six rows of a BLAS daxpy, every one with stride 1, got
     * no specialisation at ten); being wrong costs one guarded variant slot, never a result, since the
     * guard falls back to the original and verification runs both sides.
     */
    public static final int MIN_ROWS = 5;
    /* The verifier adds rows on each side of any value this common: more generous than NEARLY_ALWAYS,
     * so every value a generator could fold in is tested on both sides. */
    static final double SIDES_SHARE = 0.5;
    static final int SIDE_ROWS_PER_VALUE = 8;

    private static final UsualValues NONE = new UsualValues("", "", new long[0][], new char[0], 0, Map.of());

    private final String name;
    private final String descriptor;
    /* columns[p][r]: the value of int/long parameter p in row r; null for other parameters. */
    private final long[][] columns;
    private final char[] sorts;
    /* the caller rows counted, also when no parameter is integral (then there are no columns) */
    private final int rowCount;
    /* internal class name to how many objects of exactly that class the rows' reference arguments hold */
    private final Map<String, Integer> classCounts;

    private UsualValues(String name, String descriptor, long[][] columns, char[] sorts, int rowCount,
                        Map<String, Integer> classCounts) {
        this.classCounts = classCounts;
        this.name = name;
        this.descriptor = descriptor;
        this.columns = columns;
        this.rowCount = rowCount;
        this.sorts = sorts;
    }

    /** No caller rows: nothing is usual. */
    public static UsualValues none() {
        return NONE;
    }

    /**
     * The statistics of {@code rows} (arguments only, no receiver) for method {@code name} with
     * {@code descriptor}; boolean, byte, short, char, int and long parameters are counted.
     */
    public static UsualValues of(String name, String descriptor, List<Object[]> rows) {
        Type[] types = Type.getArgumentTypes(descriptor);
        long[][] cols = new long[types.length][];
        char[] sorts = new char[types.length];
        Map<String, Integer> classes = new HashMap<>();
        for (int p = 0; p < types.length; p++) {
            sorts[p] = types[p].getDescriptor().charAt(0);
            if (sorts[p] == 'L' || sorts[p] == '[') {
                for (Object[] row : rows) {
                    countClasses(row[p], CLASS_DEPTH, classes);
                }
            }
            if (!isIntegral(sorts[p])) {
                continue;
            }
            cols[p] = new long[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                cols[p][r] = asLong(rows.get(r)[p]);
            }
        }
        return new UsualValues(name, descriptor, cols, sorts, rows.size(), classes);
    }

    /* Object arrays are looked into this many levels (a Shape[][] holds shapes two levels down). */
    private static final int CLASS_DEPTH = 2;

    private static void countClasses(Object v, int depth, Map<String, Integer> out) {
        if (v == null) {
            return;
        }
        if (v instanceof Object[] a) {
            if (depth > 0) {
                for (Object e : a) {
                    countClasses(e, depth - 1, out);
                }
            }
            return;
        }
        if (!v.getClass().isArray()) {
            out.merge(v.getClass().getName().replace('.', '/'), 1, Integer::sum);
        }
    }

    /**
     * The classes of the objects in the caller rows' reference arguments (the arguments themselves and
     * the elements of object arrays, two levels deep), internal names, most common first (then by name),
     * with how many objects had exactly that class: the evidence for a class guard at a virtual call.
     */
    public java.util.LinkedHashMap<String, Integer> classCounts() {
        java.util.LinkedHashMap<String, Integer> out = new java.util.LinkedHashMap<>();
        classCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Whether a parameter of this descriptor character is one whose usual value is counted (and can be specialised). */
    public static boolean isIntegral(char sort) {
        return "ZBSCIJ".indexOf(sort) >= 0;
    }

    static long asLong(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof Character c) {
            return c;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new IllegalArgumentException("not an integral argument: " + v);
    }

    /** True when these statistics describe {@code name}{@code descriptor}. */
    public boolean describes(String methodName, String methodDescriptor) {
        return name.equals(methodName) && descriptor.equals(methodDescriptor);
    }

    /** How many caller rows were counted (a method without integral parameters counts its rows too). */
    public int rows() {
        return rowCount;
    }

    /** The descriptor letter of parameter {@code p} ({@code I}, {@code J}, ...). */
    public char sort(int p) {
        return sorts[p];
    }

    public int parameters() {
        return sorts.length;
    }

    /** True when parameter {@code p} is integral (its values were counted). */
    public boolean counted(int p) {
        return p >= 0 && p < columns.length && columns[p] != null;
    }

    /** The most common value of parameter {@code p} (the smallest of a tie); {@code p} must be counted. */
    public long mode(int p) {
        Map<Long, Integer> counts = counts(p);
        long best = 0;
        int bestCount = -1;
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount || e.getValue() == bestCount && e.getKey() < best) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    /** How many distinct values parameter {@code p} took. */
    public int distinct(int p) {
        return counts(p).size();
    }

    /** The share of rows in which every parameter in {@code values} (index to value) has its value. */
    public double share(Map<Integer, Long> values) {
        int rows = rows();
        if (rows == 0) {
            return 0;
        }
        int hit = 0;
        for (int r = 0; r < rows; r++) {
            boolean all = true;
            for (Map.Entry<Integer, Long> e : values.entrySet()) {
                all &= counted(e.getKey()) && columns[e.getKey()][r] == e.getValue();
            }
            hit += all ? 1 : 0;
        }
        return (double) hit / rows;
    }

    private Map<Long, Integer> counts(int p) {
        Map<Long, Integer> counts = new HashMap<>();
        for (long v : columns[p]) {
            counts.merge(v, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Rows on each side of every common value ({@link #SIDES_SHARE}): copies of rows holding the value
     * with it replaced by value − 1, value + 1 and 0 (a boolean by the other one), so a guard on that value runs both ways in
     * verification. {@code rows} are the caller rows these statistics came from (receiver first when
     * {@code offset} is 1); the copies are deep, the originals untouched.
     */
    List<Object[]> sideRows(List<Object[]> rows, int offset) {
        List<Object[]> out = new ArrayList<>();
        if (rows() < MIN_ROWS) {
            return out;
        }
        for (int p = 0; p < columns.length; p++) {
            if (!counted(p)) {
                continue;
            }
            long v = mode(p);
            if (share(Map.of(p, v)) < SIDES_SHARE) {
                continue;
            }
            int taken = 0;
            for (int r = 0; r < rows.size() && taken < SIDE_ROWS_PER_VALUE; r++) {
                if (columns[p][r] != v) {
                    continue;
                }
                taken++;
                /* a boolean has one other value; an integral value its neighbours and zero */
                java.util.Set<Long> others = sorts[p] == 'Z' ? new java.util.LinkedHashSet<>(List.of(1 - v))
                        : new java.util.LinkedHashSet<>(List.of(v - 1, v + 1, 0L));
                others.remove(v);
                for (long other : others) {
                    Object[] copy = RowCopier.copy(rows.get(r));
                    copy[p + offset] = boxed(sorts[p], other);
                    out.add(copy);
                }
            }
        }
        return out;
    }

    private static Object boxed(char sort, long v) {
        return switch (sort) {
            case 'Z' -> v != 0;
            case 'B' -> (byte) v;
            case 'S' -> (short) v;
            case 'C' -> (char) v;
            case 'I' -> (int) v;
            default -> v;
        };
    }
}
