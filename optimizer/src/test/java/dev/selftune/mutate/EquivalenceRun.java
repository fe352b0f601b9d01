package dev.selftune.mutate;

import dev.selftune.generate.ClassBytes;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Random;
import org.objectweb.asm.Type;

/**
 * The long independent differential run that tells a surviving mutant from an equivalent one:
 * its own loaders, step budget, argument rows (another seed, many more rows, the verifier's sizes
 * and twice the largest) and comparison, original against mutant, row by row.
 */
final class EquivalenceRun {
    /** What the run found: the rows it ran and the first difference, null when none. */
    record Result(long rows, long skipped, String difference) { }

    static final long FUEL_FACTOR = 64;
    static final long FUEL_CONSTANT = 1_000_000;
    /** Every this-many rows is a big one, at one of the sizes. */
    static final int BIG_EVERY = 1000;
    static final int MAX_SMALL = 80;
    static final int MAX_SMALL_SIDE = 20;
    static final int MAX_BIG = 1 << 18;
    /** A row the original needs more steps for is skipped: it would only slow the run down. */
    static final long MAX_ORIGINAL_STEPS = 4_000_000;

    private final Subject subject;
    private final Method original;
    private final Object originalReceiver;
    private final Class<?> originalClass;

    EquivalenceRun(Subject subject) throws ReflectiveOperationException {
        this.subject = subject;
        this.originalClass = load(subject, subject.classBytes());
        this.original = find(originalClass, subject);
        this.originalReceiver = receiver(original, originalClass);
    }

    /**
     * Runs {@code rows} rows (or until {@code nanos} pass) of a fresh copy of the original against
     * {@code mutant}, from {@code seed}: both copies start from the same static state.
     */
    static Result run(Subject s, byte[] mutant, long seed, long rows, long nanos) {
        try {
            EquivalenceRun o = new EquivalenceRun(s);
            Class<?> mc = load(s, mutant);
            Method m = find(mc, s);
            Object mr = receiver(m, mc);
            return o.against(m, mc, mr, seed, rows, nanos);
        } catch (ReflectiveOperationException | LinkageError e) {
            return new Result(0, 0, "the mutant cannot be loaded or called: " + e);
        }
    }

    private Result against(Method m, Class<?> mc, Object mr, long seed, long rows, long nanos) {
        ArgFactory args = new ArgFactory(original.getParameterTypes(), subject.fpTolerance() != null);
        boolean matrix = args.hasMatrix();
        int[] big = bigSizes(subject.sizes(), matrix);
        long start = System.nanoTime();
        long row = 0;
        long skipped = 0;
        for (; row - skipped < rows && System.nanoTime() - start < nanos; row++) {
            int len = row % BIG_EVERY == BIG_EVERY - 1 ? big[(int) (row / BIG_EVERY % big.length)]
                    : row < 40 ? (int) row % (matrix ? MAX_SMALL_SIDE : MAX_SMALL)
                    : new Random(seed ^ row).nextInt((matrix ? MAX_SMALL_SIDE : MAX_SMALL) + 1);
            Object[] a = args.row(new Random(seed * 1_000_003L + row), len);
            Object[] b = args.row(new Random(seed * 1_000_003L + row), len);
            Outcome want = call(original, originalReceiver, a, MAX_ORIGINAL_STEPS);
            if (want.thrown instanceof Fuel.OutOfFuel) {
                call(m, mr, b, MAX_ORIGINAL_STEPS);
                skipped++;
                continue;
            }
            String d = compare(want, a, originalClass, mc, mr, m, b);
            if (d != null) {
                return new Result(row + 1 - skipped, skipped, "row " + row + " (length " + len + ", " + describe(a) + "): " + d);
            }
        }
        return new Result(row - skipped, skipped, null);
    }

    private String compare(Outcome want, Object[] a, Class<?> oc, Class<?> mc, Object mr, Method m, Object[] b) {
        Outcome got = call(m, mr, b, want.steps * FUEL_FACTOR + FUEL_CONSTANT);
        if (got.thrown instanceof Fuel.OutOfFuel) {
            return "the mutant ran past " + FUEL_FACTOR + "x the original's " + want.steps + " steps";
        }
        String tw = want.thrown == null ? null : want.thrown.getClass().getName();
        String tg = got.thrown == null ? null : got.thrown.getClass().getName();
        if (!java.util.Objects.equals(tw, tg)) {
            return "original " + (tw == null ? "returned" : "threw " + tw) + ", mutant " + (tg == null ? "returned" : "threw " + tg);
        }
        if (!Same.values(want.result, got.result, subject.fpTolerance())) {
            return "returns " + Arrays.deepToString(new Object[] {got.result}) + " where the original returned "
                    + Arrays.deepToString(new Object[] {want.result});
        }
        for (int i = 0; i < a.length; i++) {
            if ((want.result != null && want.result == a[i]) != (got.result != null && got.result == b[i])) {
                return "returned reference differs in identity from argument " + i;
            }
            if (!Same.values(a[i], b[i], subject.fpTolerance())) {
                return "leaves argument " + i + " different";
            }
        }
        if (mr != null && !Same.fields(originalReceiver, mr, subject.fpTolerance())) {
            return "leaves the receiver different";
        }
        String st = Same.statics(oc, mc, subject.fpTolerance());
        return st == null ? null : "leaves static field " + st + " different";
    }

    private record Outcome(Object result, Throwable thrown, long steps) { }

    private static Outcome call(Method m, Object receiver, Object[] args, long fuel) {
        Fuel.fill(fuel);
        try {
            Object r = m.invoke(receiver, args);
            return new Outcome(r, null, Fuel.used());
        } catch (InvocationTargetException e) {
            return new Outcome(null, e.getCause(), Fuel.used());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } finally {
            Fuel.fill(Long.MAX_VALUE);
        }
    }

    static int[] bigSizes(int[] sizes, boolean matrix) {
        int max = Arrays.stream(sizes).max().orElse(1024);
        int[] all = Arrays.copyOf(sizes, sizes.length + 2);
        all[sizes.length] = Math.min(MAX_BIG, 2 * max + 1);
        all[sizes.length + 1] = 3 * Arrays.stream(sizes).min().orElse(16) + 1;
        return matrix ? Arrays.stream(all).map(s -> (int) Math.round(Math.sqrt(s))).toArray() : all;
    }

    private static String describe(Object[] a) {
        String s = Arrays.deepToString(a);
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    private static Class<?> load(Subject s, byte[] bytes) throws ClassNotFoundException {
        IsolatedLoader resources = new IsolatedLoader(s.classpath(), s.owner(), bytes);
        byte[] fueled = StepFuel.instrument(bytes, ClassBytes.resourcesOf(resources));
        return Class.forName(s.owner(), true, new IsolatedLoader(s.classpath(), s.owner(), fueled));
    }

    private static Method find(Class<?> c, Subject s) throws NoSuchMethodException {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(s.name()) && Type.getMethodDescriptor(m).equals(s.desc())) {
                m.setAccessible(true);
                return m;
            }
        }
        throw new NoSuchMethodException(s.owner() + "." + s.name() + s.desc());
    }

    private static Object receiver(Method m, Class<?> c) throws ReflectiveOperationException {
        if (Modifier.isStatic(m.getModifiers())) {
            return null;
        }
        Constructor<?> k = c.getDeclaredConstructor();
        k.setAccessible(true);
        return k.newInstance();
    }
}
