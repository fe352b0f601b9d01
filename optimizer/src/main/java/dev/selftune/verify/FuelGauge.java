package dev.selftune.verify;

import java.lang.reflect.Field;

/** The host's handle on the fuel statics of one instrumented class: arm, disarm, read what was spent. */
final class FuelGauge {
    /** Thrown by the tick when fuel or time runs out; preallocated, without a stack trace. */
    static final class OutOfFuel extends Error {
        private static final long serialVersionUID = 1L;
        static final OutOfFuel INSTANCE = new OutOfFuel();

        private OutOfFuel() {
            super("selftune: verification fuel exhausted", null, false, false);
        }
    }

    private final Field spent;
    private final Field limit;
    private final Field deadline;
    private final Field armed;

    FuelGauge(Class<?> instrumented) {
        try {
            spent = field(instrumented, FuelInstrumenter.SPENT);
            limit = field(instrumented, FuelInstrumenter.LIMIT);
            deadline = field(instrumented, FuelInstrumenter.DEADLINE);
            armed = field(instrumented, FuelInstrumenter.ARMED);
            field(instrumented, FuelInstrumenter.OUT).set(null, OutOfFuel.INSTANCE);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("instrumented class " + instrumented.getName() + " lacks its fuel fields", e);
        }
    }

    /* The fields are public, but a package-private class (the sample app's RecordStream) makes
     * them inaccessible to plain reflection from another package: setAccessible, which the
     * unnamed module of the sandbox's loader always allows. */
    private static Field field(Class<?> c, String name) throws NoSuchFieldException {
        Field f = c.getField(name);
        f.setAccessible(true);
        return f;
    }

    /** Resets the count and arms the tick: it throws after {@code maxTicks} ticks or at {@code deadlineNanos}. */
    void arm(long maxTicks, long deadlineNanos) {
        try {
            spent.setLong(null, 0);
            limit.setLong(null, maxTicks);
            deadline.setLong(null, deadlineNanos);
            armed.setBoolean(null, true);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    void disarm() {
        try {
            armed.setBoolean(null, false);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    long spent() {
        try {
            return spent.getLong(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    long limit() {
        try {
            return limit.getLong(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
