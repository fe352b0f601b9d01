package dev.selftune.selftest;

/** Stand-ins for own methods shaped like ValueGenerator#real: static, an enum parameter first, then a Random or a list. */
public final class OwnModes {
    /** How a value is scaled. */
    public enum Mode { SMALL, WIDE, NEGATED }

    private OwnModes() { }

    public static double scale(Mode mode, double x) {
        switch (mode) {
            case SMALL: return x / 16;
            case WIDE: return x * 1e6;
            default: return -x;
        }
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
        return mode == Mode.SMALL ? 0 : names.size();
    }
}
