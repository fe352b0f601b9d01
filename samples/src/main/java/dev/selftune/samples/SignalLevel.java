package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import java.util.Random;

/**
 * The energy of a {@link Signal} after its equaliser band, as a level meter computes it: every
 * sample scaled by the band's gain at the signal's centre frequency, squared and summed.
 *
 * <p>Run: {@code java -cp samples/target/samples.jar dev.selftune.samples.SignalLevel 65536}
 */
public final class SignalLevel {
    private SignalLevel() {
    }

    /*
     * Implementation note: the loop reads s.length, s.data and the band's settings through the
     * object every iteration and calls bandGain with them, as code written against an object does.
     * bandGain is bigger than C2's inlining limit for hot calls (325 bytes of bytecode,
     * -XX:FreqInlineSize), so C2 calls it out of line every iteration; and because it cannot see
     * that the call writes nothing, it reloads every field after each call and cannot move a load
     * or the call out of the loop. The method is pure (no memory, no allocation, no loop), so its
     * value is the same in every iteration. selftune's hoist-invariants proves that from the
     * bytecode and evaluates the fields and the call once, before the loop.
     */

    /**
     * Returns {@code Σ (data[i]·g)²} over the first {@code s.length} samples, where {@code g} is the
     * band's linear gain at its centre frequency, summed in increasing i.
     *
     * @throws NullPointerException if {@code s} or its data is null and {@code s.length > 0}
     * @throws ArrayIndexOutOfBoundsException if {@code s.length} exceeds the data
     */
    public static double energy(Signal s) {
        double total = 0;
        for (int i = 0; i < s.length; i++) {
            double x = s.data[i] * bandGain(s.sampleRate, s.centreHz, s.gainDb, s.q, s.centreHz);
            total += x * x;
        }
        return total;
    }

    /**
     * The magnitude response at {@code hz} of a peaking equaliser (the RBJ Audio EQ Cookbook's
     * biquad) with centre {@code centreHz}, gain {@code gainDb} and quality {@code q}, at
     * {@code rate} samples per second: |H(e^{jω})| with ω = 2π·hz/rate. Out-of-range settings are
     * clamped (the centre and probe to (0, Nyquist), q to [0.1, 40], the gain to ±48 dB).
     */
    static double bandGain(double rate, double centreHz, double gainDb, double q, double hz) {
        double nyquist = rate / 2;
        if (!(rate > 0) || Double.isInfinite(rate)) {
            return 1.0;
        }
        double f0 = Math.min(Math.max(centreHz, 1e-3), nyquist * 0.999);
        double f = Math.min(Math.max(hz, 0.0), nyquist);
        double qq = Math.min(Math.max(q, 0.1), 40.0);
        double g = Math.min(Math.max(gainDb, -48.0), 48.0);
        if (Double.isNaN(f0) || Double.isNaN(f) || Double.isNaN(qq) || Double.isNaN(g)) {
            return 1.0;
        }
        double a = Math.pow(10.0, g / 40.0);
        double w0 = 2 * Math.PI * f0 / rate;
        double cosW0 = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * qq);
        double b0 = 1 + alpha * a;
        double b1 = -2 * cosW0;
        double b2 = 1 - alpha * a;
        double a0 = 1 + alpha / a;
        double a1 = -2 * cosW0;
        double a2 = 1 - alpha / a;
        double w = 2 * Math.PI * f / rate;
        double cosW = Math.cos(w);
        double sinW = Math.sin(w);
        double cos2W = Math.cos(2 * w);
        double sin2W = Math.sin(2 * w);
        double numRe = b0 + b1 * cosW + b2 * cos2W;
        double numIm = -(b1 * sinW + b2 * sin2W);
        double denRe = a0 + a1 * cosW + a2 * cos2W;
        double denIm = -(a1 * sinW + a2 * sin2W);
        double num = numRe * numRe + numIm * numIm;
        double den = denRe * denRe + denIm * denIm;
        if (den == 0) {
            return 1.0;
        }
        double magnitude = Math.sqrt(num / den);
        return Double.isFinite(magnitude) ? magnitude : 1.0;
    }

    public static void main(String[] args) {
        int n = Demo.sizeArg(args, 65536);
        Signal s = new Signal(Rows.doubles(new Random(42), n), n, 48_000, 1_000, 6, 0.7);
        Demo.time("energy(" + n + ")", () -> energy(s));
    }
}
