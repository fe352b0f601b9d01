package dev.selftune.verify;

import dev.selftune.api.MethodRef;
import dev.selftune.target.Target;
import dev.selftune.target.TargetClassLoader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import org.objectweb.asm.Type;

/** One verification copy of the target class in its own fresh loader, callable row by row under fuel. */
final class Sandbox {
    private final TargetClassLoader loader;
    private final MethodHandle invoker;
    private final FuelGauge fuel;
    private final int arity;

    private Sandbox(TargetClassLoader loader, MethodHandle invoker, FuelGauge fuel, int arity) {
        this.loader = loader;
        this.invoker = invoker;
        this.fuel = fuel;
        this.arity = arity;
    }

    /*
     * The class is loaded and linked here, so a VerifyError or ClassFormatError surfaces at load
     * time as a LinkageError the caller turns into a rejection. The method handle is adapted to
     * (Object[])Object once: boxing, unboxing and void-to-null happen in the handle, and an
     * exception from the target propagates unwrapped (Method.invoke would wrap it).
     */
    static Sandbox load(Target target, byte[] classBytes) throws ReflectiveOperationException {
        byte[] instrumented = FuelInstrumenter.instrument(classBytes);
        MethodRef m = target.method();
        TargetClassLoader loader = new TargetClassLoader(target.classpath(), m.owner(),
                instrumented == null ? classBytes : instrumented);
        Class<?> c = Class.forName(m.owner(), true, loader);
        Method method = find(c, m);
        MethodHandle h = MethodHandles.privateLookupIn(c, MethodHandles.lookup()).unreflect(method);
        int arity = h.type().parameterCount();
        MethodHandle invoker = h.asType(MethodType.genericMethodType(arity)).asSpreader(Object[].class, arity);
        return new Sandbox(loader, invoker, instrumented == null ? null : new FuelGauge(c), arity);
    }

    private static Method find(Class<?> c, MethodRef m) throws NoSuchMethodException {
        for (Method candidate : c.getDeclaredMethods()) {
            if (candidate.getName().equals(m.name()) && Type.getMethodDescriptor(candidate).equals(m.descriptor())) {
                return candidate;
            }
        }
        throw new NoSuchMethodException(m + " is not declared in the loaded class");
    }

    ClassLoader loader() {
        return loader;
    }

    boolean fuelled() {
        return fuel != null;
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
        try {
            result = (Object) invoker.invokeExact(row);
        } catch (Throwable t) {
            thrown = t;
        } finally {
            if (fuel != null) {
                fuel.disarm();
            }
        }
        long nanos = System.nanoTime() - t0;
        long ticks = fuel == null ? 0 : fuel.spent();
        boolean timedOut = thrown == FuelGauge.OutOfFuel.INSTANCE || fuel != null && ticks > maxTicks;
        Object[] after = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            after[i] = Snapshot.of(row[i]);
        }
        return new Outcome(timedOut ? null : Snapshot.of(result), after,
                thrown == null || timedOut ? null : thrown.getClass().getName(),
                thrown == null || timedOut ? null : thrown.getMessage(), timedOut, ticks, nanos);
    }

    void close() {
        try {
            loader.close();
        } catch (java.io.IOException ignored) {
            // a loader over directories and jars we only read: nothing to recover
        }
    }
}
