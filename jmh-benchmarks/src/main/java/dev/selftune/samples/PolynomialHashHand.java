package dev.selftune.samples;

/**
 * {@link PolynomialHash} with Horner's rule split four ways: {@code h·31⁴ + x₀·31³ + x₁·31² + x₂·31 + x₃}
 * per step, the same value in wrapping int arithmetic, with the multiplies of one step independent.
 */
public final class PolynomialHashHand {
    private static final int P2 = 31 * 31;
    private static final int P3 = 31 * 31 * 31;
    private static final int P4 = 31 * 31 * 31 * 31;

    private PolynomialHashHand() {
    }

    public static int hash(String s) {
        int n = s.length();
        int h = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            h = P4 * h + P3 * s.charAt(i) + P2 * s.charAt(i + 1) + 31 * s.charAt(i + 2) + s.charAt(i + 3);
        }
        for (; i < n; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    public static int hash(byte[] data) {
        int n = data.length;
        int h = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            h = P4 * h + P3 * data[i] + P2 * data[i + 1] + 31 * data[i + 2] + data[i + 3];
        }
        for (; i < n; i++) {
            h = 31 * h + data[i];
        }
        return h;
    }
}
