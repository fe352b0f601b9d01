package dev.selftune.samples;

/**
 * {@link SignalLevel#energy} as one writes it after noticing that the loop re-reads the object and
 * recomputes the band's gain every sample: the fields and the gain read once into locals, the loop
 * unchanged otherwise (same products, same order: bit-exact). A null {@code s} throws the same
 * NullPointerException; when the loop would not run the gain is computed anyway, which nothing can
 * observe (bandGain is pure).
 */
public final class SignalLevelHand {
    private SignalLevelHand() {
    }

    public static double energy(Signal s) {
        int n = s.length;
        double[] data = s.data;
        double g = SignalLevel.bandGain(s.sampleRate, s.centreHz, s.gainDb, s.q, s.centreHz);
        double total = 0;
        for (int i = 0; i < n; i++) {
            double x = data[i] * g;
            total += x * x;
        }
        return total;
    }
}
