package dev.selftune.verify;

import dev.selftune.api.MethodRef;
import dev.selftune.target.Target;
import dev.selftune.target.TargetClassLoader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.List;
import org.objectweb.asm.Type;

/** One verification copy of the target class in its own fresh loader, callable row by row under fuel. */
final class Sandbox {
    /** The call completed but its state is too big to record (the snapshot ran out of memory). */
    static final class Unrecordable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unrecordable(Throwable cause) {
            super("the call's result or arguments are too big to record: " + cause, cause, false, false);
        }
    }

    private final TargetClassLoader loader;
    private final MethodHandle invoker;
    private final FuelGauge fuel;
    private final int arity;
    private final String[] names;
    private StaticState statics = StaticState.watch(List.of(), null);
    private Watchdog watchdog;
    private final Class<?> loaded;

    private Sandbox(TargetClassLoader loader, MethodHandle invoker, FuelGauge fuel, int arity, boolean isStatic, Class<?> loaded) {
        this.loader = loader;
        this.invoker = invoker;
        this.fuel = fuel;
        this.arity = arity;
        this.names = Snapshot.names(arity, isStatic);
        this.loaded = loaded;
    }

    /*
     * The class is loaded and linked here, so a VerifyError or ClassFormatError surfaces at load
     * time as a LinkageError the caller turns into a rejection. The method handle is adapted to
     * (Object[])Object once: boxing, unboxing and void-to-null happen in the handle, and an
     * exception from the target propagates unwrapped (Method.invoke would wrap it).
     */
    static Sandbox load(Target target, byte[] classBytes) throws ReflectiveOperationException {
        return load(target, classBytes, List.of());
    }

    /**
     * {@code staticClasses} (internal names) are initialised now and their static fields compared
     * after every call. A class too near 64 KB for the fuel ticks runs its calls on a {@link Watchdog}.
     */
    static Sandbox load(Target target, byte[] classBytes, List<String> staticClasses) throws ReflectiveOperationException {
        MethodRef m = target.method();
        byte[] counted = GuardCoverage.instrument(classBytes);
        FuelInstrumenter.Instrumented instrumented = FuelInstrumenter.instrument(counted);
        TargetClassLoader loader = new TargetClassLoader(target.classpath(), m.owner(),
                instrumented == null ? counted : instrumented.target());
        try {
            Sandbox sb = load(loader, m, instrumented, target.isStatic());
            sb.watch(staticClasses);
            return sb;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            close(loader);
            throw e;
        }
    }

    private static Sandbox load(TargetClassLoader loader, MethodRef m, FuelInstrumenter.Instrumented instrumented,
                                boolean isStatic) throws ReflectiveOperationException {
        Class<?> c = Class.forName(m.owner(), true, loader);
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(c, MethodHandles.lookup());
        MethodHandle h = lookup.unreflect(find(c, m)).asFixedArity();   // a varargs method (int... a) takes its array as one argument
        int arity = h.type().parameterCount();
        MethodHandle invoker = h.asType(MethodType.genericMethodType(arity)).asSpreader(Object[].class, arity);
        FuelGauge fuel = null;
        if (instrumented != null) {
            /* An interface's ticks call a holder class in its package; it must exist before the first tick. */
            fuel = new FuelGauge(instrumented.holder() == null ? c : lookup.defineClass(instrumented.holder()));
        }
        return new Sandbox(loader, invoker, fuel, arity, isStatic, c);
    }

    private static Method find(Class<?> c, MethodRef m) throws NoSuchMethodException {
        for (Method candidate : c.getDeclaredMethods()) {
            if (candidate.getName().equals(m.name()) && Type.getMethodDescriptor(candidate).equals(m.descriptor())) {
                return candidate;
            }
        }
        throw new NoSuchMethodException(m + " is not declared in the loaded class");
    }

    /** After the rows: why one side of a multiversioned method's guard went unchecked, or null ({@link GuardCoverage}). */
    String guardOneSided() {
        return GuardCoverage.oneSided(loaded);
    }

    TargetClassLoader loader() {
        return loader;
    }

    /** The class as loaded here (instrumented): where counters a copy added can be read after the rows. */
    Class<?> loadedClass() {
        return loaded;
    }

    /** Initialises {@code classes} (internal names) in this loader and compares their statics from now on. */
    void watch(List<String> classes) {
        statics = StaticState.watch(classes, loader);
        initialStatics = statics.isEmpty() ? null : statics();
    }

    private Object initialStatics;

    /** The watched statics just after their classes were initialised here, before any row (null when none is watched). */
    Object initialStatics() {
        return initialStatics;
    }

    /** The watched static state alone, as it is now. */
    Object statics() {
        return statics.snapshot(new Snapshot.Walker(Snapshot.MAX_COPIED_ELEMENTS));
    }

    boolean watchesStatics() {
        return !statics.isEmpty();
    }

    private long lastAllocatedBytes = -1;

    /**
     * Bytes the last {@link #run} allocated on this thread inside the call (the method and what it
     * calls, not the recording of its outcome); -1 when not known (a throw, the watchdog's thread, a
     * JVM without the counter).
     */
    long lastAllocatedBytes() {
        return lastAllocatedBytes;
    }

    private static long allocatedBytes() {
        return dev.selftune.util.ThreadAllocation.bytes();
    }

    /** Calls the method on {@code row} (mutated in place) with at most {@code maxTicks} steps until {@code deadline}. */
    Outcome run(Object[] row, long maxTicks, long deadlineNanos) {
        if (row.length != arity) {
            throw new IllegalArgumentException("row of " + row.length + " values for a method handle of arity " + arity);
        }
        Object result = null;
        Throwable thrown = null;
        long t0 = System.nanoTime();
        if (fuel != null) {
            fuel.arm(maxTicks, deadlineNanos);
        }
        boolean stopped = false;
        lastAllocatedBytes = -1;
        try {
            if (fuel != null) {
                long a0 = allocatedBytes();
                long counter = allocatedBytes() - a0;   // what asking costs, taken off below
                a0 = allocatedBytes();
                result = (Object) invoker.invokeExact(row);
                long a1 = allocatedBytes();
                lastAllocatedBytes = a0 < 0 || a1 < 0 ? -1 : Math.max(0, a1 - a0 - counter);
            } else {
                /* No fuel (the method was too big to instrument): the call runs on a watchdog thread. */
                watchdog = watchdog == null ? new Watchdog(loader.getName()) : watchdog;
                Watchdog.Result r = watchdog.call(() -> (Object) invoker.invokeExact(row), deadlineNanos);
                stopped = r == null;
                if (stopped) {
                    watchdog = null;
                } else {
                    result = r.value();
                    thrown = r.thrown();
                }
            }
        } catch (Throwable t) {
            thrown = t;
        } finally {
            if (fuel != null) {
                fuel.disarm();
            }
        }
        long nanos = System.nanoTime() - t0;
        long ticks = fuel == null ? 0 : fuel.spent();
        boolean timedOut = stopped || thrown == FuelGauge.OutOfFuel.INSTANCE || fuel != null && ticks > maxTicks;
        if (stopped) {
            /* The abandoned thread may still be writing the row: nothing it holds is snapshotted. */
            return new Outcome(null, new Object[row.length], null, null, true, ticks, nanos, null);
        }
        Object[] after;
        Object returned;
        Object staticsAfter;
        try {
            Snapshot.Walker w = new Snapshot.Walker(Snapshot.MAX_COPIED_ELEMENTS);
            after = Snapshot.row(row, w, names);
            returned = timedOut ? null : w.of(result, "the result");
            staticsAfter = statics.isEmpty() ? null : statics.snapshot(w);
        } catch (OutOfMemoryError e) {
            throw new Unrecordable(e);
        }
        return new Outcome(returned, after,
                thrown == null || timedOut ? null : thrown.getClass().getName(),
                thrown == null || timedOut ? null : thrown.getMessage(), timedOut, ticks, nanos, staticsAfter);
    }

    void close() {
        if (watchdog != null) {
            watchdog.close();
        }
        close(loader);
    }

    private static void close(TargetClassLoader loader) {
        try {
            loader.close();
        } catch (java.io.IOException ignored) {
            // a loader over directories and jars we only read: nothing to recover
        }
    }
}
