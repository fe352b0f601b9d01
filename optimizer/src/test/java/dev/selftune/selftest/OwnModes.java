package dev.selftune.selftest;

/** A stand-in for an own method shaped like ValueGenerator#real: static, an enum parameter first. */
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
}
