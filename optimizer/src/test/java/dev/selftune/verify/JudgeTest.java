package dev.selftune.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JudgeTest {
    private static Outcome returned(Object value, Object... args) {
        return new Outcome(value, args, null, null, false, 1, 1, null);
    }

    private static Outcome threw(String type, Object... args) {
        return new Outcome(null, args, type, "message", false, 1, 1, null);
    }

    private static final Differ EXACT = new Differ(null, 1);

    @Test
    void compare_differentExceptionTypes_namesBoth() {
        String r = Judge.compare(threw("java.lang.ArithmeticException"), threw("java.lang.NullPointerException"), EXACT, true);
        assertEquals("throws java.lang.NullPointerException where the original threw java.lang.ArithmeticException", r);
    }

    @Test
    void compare_variantReturnsWhereOriginalThrew_rejected() {
        String r = Judge.compare(threw("java.lang.ArithmeticException"), returned(1), EXACT, true);
        assertEquals("returns normally where the original threw java.lang.ArithmeticException", r);
    }

    @Test
    void compare_sameExceptionSameArguments_equal() {
        assertNull(Judge.compare(threw("java.lang.ArithmeticException", new int[] {1}),
                threw("java.lang.ArithmeticException", new int[] {1}), EXACT, true));
    }

    @Test
    void differ_bitExact_nanEqualsNanButNegativeZeroDiffers() {
        assertNull(EXACT.diff(Double.NaN, Double.NaN, "r"));
        assertNotNull(EXACT.diff(-0.0, 0.0, "r"));
        assertNotNull(EXACT.diff(new double[] {-0.0}, new double[] {0.0}, "r"));
        assertNull(EXACT.diff(new double[] {Double.NaN}, new double[] {Double.NaN}, "r"));
    }

    @Test
    void differ_tolerance_relativeErrorAcceptedNanAndInfinityExact() {
        Differ tol = new Differ(1e-9, 1);
        assertNull(tol.diff(1.0, 1.0 + 1e-12, "r"));
        assertNotNull(tol.diff(1.0, 1.0 + 1e-6, "r"));
        assertNotNull(tol.diff(Double.NaN, 1.0, "r"));
        assertNotNull(tol.diff(Double.POSITIVE_INFINITY, Double.MAX_VALUE, "r"));
        assertNull(tol.diff(Double.NaN, Double.NaN, "r"));
        assertNull(tol.diff(new float[] {1f}, new float[] {1f}, "r"));
    }

    @Test
    void compare_variantYieldsInfinityWhereOriginalFinite_namesIt() {
        String r = Judge.compare(returned(2.0), returned(Double.POSITIVE_INFINITY), new Differ(1e-9, 1), true);
        assertTrue(r.startsWith("returns Infinity where the original returned the finite 2.0"), r);
    }

    @Test
    void differ_overflowProneRow_floatsExemptOnlyWithTolerance() {
        assertNull(new Differ(1e-9, 1e200).diff(Double.POSITIVE_INFINITY, Double.MAX_VALUE, "r"));
        assertNotNull(new Differ(null, 1e200).diff(Double.POSITIVE_INFINITY, Double.MAX_VALUE, "r"));
        assertNotNull(new Differ(1e-9, 1e200).diff(1, 2, "r"), "ints are still compared");
    }

    @Test
    void differ_nestedObjects_reportPathOfFirstDifference() {
        Object a = Snapshot.of(new int[][] {{1, 2}, {3, 4}});
        Object b = Snapshot.of(new int[][] {{1, 2}, {3, 5}});
        assertEquals("m[1][1]: 4 vs 5", EXACT.diff(a, b, "m"));
    }
}
