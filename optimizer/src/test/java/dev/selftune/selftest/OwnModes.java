package dev.selftune.selftest;

/** Stand-ins for own methods shaped like ValueGenerator#real: static, an enum parameter first, then a Random or a list. */
public final class OwnModes {
    /** How a value is scaled. */
    public enum Mode { SMALL, WIDE, NEGATED }

    private OwnModes() { }

    /* Each stand-in that selection may take has a counted loop: a method no transform rewrites is refused before its
     * parameters are looked at (OwnCandidates.noVariant). */
    public static double scale(Mode mode, double x) {
        double f;
        switch (mode) {
            case SMALL: f = 1.0 / 16; break;
            case WIDE: f = 1e6; break;
            default: f = -1;
        }
        double y = 0;
        for (int i = 0; i < 4; i++) {
            y += x * f;
        }
        return y / 4;
    }

    /** Shaped like ValueGenerator#real(Mode, Random): the Random cannot be generated, but is captured in its serial form. */
    public static double draw(Mode mode, java.util.Random r) {
        return scale(mode, r.nextDouble());
    }

    /** An AtomicLong can be neither generated nor captured (a JDK object outside the copied value classes). */
    public static double tick(Mode mode, java.util.concurrent.atomic.AtomicLong counter) {
        return scale(mode, counter.incrementAndGet());
    }

    /** A list can be captured (a plain collection) but not generated. */
    public static int count(Mode mode, java.util.List<String> names) {
        if (mode == Mode.SMALL) {
            return 0;
        }
        String[] a = names.toArray(new String[0]);
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += a[i] == null ? 0 : 1;
        }
        return n;
    }
}
