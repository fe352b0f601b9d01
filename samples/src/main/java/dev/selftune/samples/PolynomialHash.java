package dev.selftune.samples;

import java.nio.charset.StandardCharsets;
import dev.selftune.samples.inputs.Rows;
import java.util.Random;

/**
 * The polynomial rolling hash {@code h = 31·h + x}, over a String's chars (the same value as
 * {@link String#hashCode()}, but computed every time) and over raw bytes.
 *
 * <p>Run: {@code java -cp samples/target/samples.jar dev.selftune.samples.PolynomialHash 65536}
 */
public final class PolynomialHash {
    private PolynomialHash() {
    }

    /*
     * Implementation note: Horner's rule makes every step wait for the previous multiply (3 cycles)
     * and add. Because int arithmetic wraps modulo 2^32, h·31² + x_i·31 + x_{i+1} is exactly the same
     * value as two Horner steps, so the polynomial can be split into independent chains without any
     * change in the result. JDK 21+ intrinsifies String.hashCode this way (JDK-8282664); this loop
     * runs on whatever JVM the user has.
     */

    /** Returns {@code Σ s.charAt(i)·31^(n-1-i)} in wrapping int arithmetic; equals {@code s.hashCode()}. */
    public static int hash(String s) {
        int h = 0;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    /** Returns {@code Σ data[i]·31^(n-1-i)} over the signed bytes, in wrapping int arithmetic. */
    public static int hash(byte[] data) {
        int h = 0;
        for (int i = 0; i < data.length; i++) {
            h = 31 * h + data[i];
        }
        return h;
    }

    public static void main(String[] args) {
        int n = Demo.sizeArg(args, 65536);
        String s = Rows.text(new Random(42), n, "abcdefghijklmnopqrstuvwxyz0123456789 ");
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        Demo.time("hash(String of " + n + ")", () -> hash(s));
        Demo.time("hash(byte[" + n + "])", () -> hash(bytes));
    }
}
