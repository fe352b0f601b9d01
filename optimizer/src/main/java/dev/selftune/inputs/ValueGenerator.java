package dev.selftune.inputs;

import java.util.Random;
import org.objectweb.asm.Type;

/** Seeded values of the generatable types (primitives, 1-D/2-D primitive arrays, String) in a chosen mode; enum constants come from {@link ParamTypes}. */
final class ValueGenerator {
    /**
     * How values are drawn: small non-negative, small signed, full range, edge cases, unit doubles,
     * or SPECIAL: edge cases without huge magnitudes (NaN, infinities, -0.0, subnormals, but no MAX
     * or 1e300), so that with an FP tolerance a row exercises NaN and infinity paths and is still
     * compared in full (rows with inputs beyond 1e150 are not: see verify/Differ).
     */
    enum Mode { SMALL, SIGNED, FULL, EDGE, UNIT, SPECIAL }

    private static final double[] DOUBLE_EDGES = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.MIN_NORMAL, 1.0, -1.0, 0.5, 1e-300, 1e300};
    private static final double[] DOUBLE_SPECIALS = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1.0, -1.0, 0.5, 1e-300};
    private static final float[] FLOAT_EDGES = {0.0f, -0.0f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
        Float.MIN_NORMAL, 1.0f, -1.0f, 0.5f};
    private static final float[] FLOAT_SPECIALS = {0.0f, -0.0f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, 1.0f, -1.0f, 0.5f};
    private static final String ALPHABET = "abcd";

    private ValueGenerator() { }

    /** A value of {@code t}; arrays get length {@code length} (2-D: a {@code length}-square matrix). */
    static Object value(Type t, int length, Mode mode, Random r) {
        if (t.getSort() == Type.ARRAY) {
            Type elem = t.getElementType();
            if (t.getDimensions() == 1) {
                return array(elem.getSort(), length, mode, r);
            }
            Object first = array(elem.getSort(), length, mode, r);
            Object[] rows = (Object[]) java.lang.reflect.Array.newInstance(first.getClass(), length);
            for (int i = 0; i < length; i++) {
                rows[i] = i == 0 ? first : array(elem.getSort(), length, mode, r);
            }
            return rows;
        }
        if (t.getSort() == Type.OBJECT) {
            return string(length, mode, r);
        }
        return scalar(t.getSort(), mode, r);
    }

    /** A boxed primitive of sort {@code sort} (an ASM {@link Type} sort). */
    static Object scalar(int sort, Mode mode, Random r) {
        switch (sort) {
            case Type.BOOLEAN: return r.nextBoolean();
            case Type.CHAR: return (char) integral(mode, r, Character.MIN_VALUE, Character.MAX_VALUE);
            case Type.BYTE: return (byte) integral(mode, r, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case Type.SHORT: return (short) integral(mode, r, Short.MIN_VALUE, Short.MAX_VALUE);
            case Type.INT: return (int) integral(mode, r, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case Type.LONG: return integral(mode, r, Long.MIN_VALUE, Long.MAX_VALUE);
            case Type.FLOAT: return floating(mode, r);
            case Type.DOUBLE: return real(mode, r);
            default: throw new IllegalArgumentException("not a primitive sort: " + sort);
        }
    }

    /** A primitive array of element sort {@code sort}. */
    static Object array(int sort, int n, Mode mode, Random r) {
        switch (sort) {
            case Type.BOOLEAN: { boolean[] a = new boolean[n]; for (int i = 0; i < n; i++) a[i] = r.nextBoolean(); return a; }
            case Type.CHAR: { char[] a = new char[n]; for (int i = 0; i < n; i++) a[i] = (char) integral(mode, r, 0, 0xFFFF); return a; }
            case Type.BYTE: { byte[] a = new byte[n]; for (int i = 0; i < n; i++) a[i] = (byte) integral(mode, r, Byte.MIN_VALUE, Byte.MAX_VALUE); return a; }
            case Type.SHORT: { short[] a = new short[n]; for (int i = 0; i < n; i++) a[i] = (short) integral(mode, r, Short.MIN_VALUE, Short.MAX_VALUE); return a; }
            case Type.INT: { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = (int) integral(mode, r, Integer.MIN_VALUE, Integer.MAX_VALUE); return a; }
            case Type.LONG: { long[] a = new long[n]; for (int i = 0; i < n; i++) a[i] = integral(mode, r, Long.MIN_VALUE, Long.MAX_VALUE); return a; }
            case Type.FLOAT: { float[] a = new float[n]; for (int i = 0; i < n; i++) a[i] = floating(mode, r); return a; }
            case Type.DOUBLE: { double[] a = new double[n]; for (int i = 0; i < n; i++) a[i] = real(mode, r); return a; }
            default: throw new IllegalArgumentException("not a primitive sort: " + sort);
        }
    }

    /** A String of length {@code n}: a small alphabet by default, odd code units in EDGE and FULL modes. */
    static String string(int n, Mode mode, Random r) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            switch (mode) {
                case SMALL: c[i] = (char) ('a' + r.nextInt(2)); break;
                case FULL: c[i] = (char) r.nextInt(0x10000); break;
                case EDGE: case SPECIAL: c[i] = "\u0000a\uffff\ud800\u00e9Z 9".charAt(r.nextInt(8)); break;
                default: c[i] = ALPHABET.charAt(r.nextInt(ALPHABET.length())); break;
            }
        }
        return new String(c);
    }

    /*
     * Integral values: ints are often sizes, indices or bin counts, so small non-negative values
     * dominate SMALL; EDGE mixes MIN/MAX and their neighbours (overflow paths) with small values.
     * Narrow types take the low bits of a long, which covers their whole range in FULL mode.
     */
    static long integral(Mode mode, Random r, long min, long max) {
        switch (mode) {
            case SMALL: return r.nextInt(17);
            case SIGNED: return r.nextInt(33) - 16;
            case EDGE: case SPECIAL:
                switch (r.nextInt(8)) {
                    case 0: return min;
                    case 1: return max;
                    case 2: return min + 1;
                    case 3: return max - 1;
                    case 4: return -1;
                    case 5: return 0;
                    case 6: return 1;
                    default: return r.nextLong();
                }
            default: return r.nextLong();
        }
    }

    /* Doubles: FULL draws raw bit patterns (every exponent, an occasional NaN); UNIT is [-1, 1), the
     * range of well-conditioned data; EDGE covers NaN, -0.0, infinities, subnormals and MAX. */
    static double real(Mode mode, Random r) {
        switch (mode) {
            case SMALL: return r.nextInt(17);
            case SIGNED: return r.nextBoolean() ? r.nextInt(33) - 16 : r.nextDouble() * 2 - 1;
            case EDGE: return r.nextInt(3) == 0 ? r.nextGaussian() * 100 : DOUBLE_EDGES[r.nextInt(DOUBLE_EDGES.length)];
            case SPECIAL: return r.nextInt(3) == 0 ? r.nextGaussian() * 100 : DOUBLE_SPECIALS[r.nextInt(DOUBLE_SPECIALS.length)];
            case FULL: return r.nextBoolean() ? Double.longBitsToDouble(r.nextLong()) : r.nextGaussian() * 1e6;
            default: return r.nextDouble() * 2 - 1;
        }
    }

    static float floating(Mode mode, Random r) {
        switch (mode) {
            case EDGE: return r.nextInt(3) == 0 ? (float) (r.nextGaussian() * 100) : FLOAT_EDGES[r.nextInt(FLOAT_EDGES.length)];
            case SPECIAL: return r.nextInt(3) == 0 ? (float) (r.nextGaussian() * 100) : FLOAT_SPECIALS[r.nextInt(FLOAT_SPECIALS.length)];
            case FULL: return r.nextBoolean() ? Float.intBitsToFloat(r.nextInt()) : (float) (r.nextGaussian() * 1e6);
            default: return (float) real(mode, r);
        }
    }
}
