package dev.selftune.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/** Test support: specimen class bytes, isolated loading, seeded inputs and bit-exact comparison. */
final class Specimen {
    private Specimen() { }

    static byte[] bytes(Class<?> c) {
        try (InputStream in = c.getClassLoader().getResourceAsStream(c.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Defines {@code bytes} as {@code name} in a fresh loader, so original and variants never share a class. */
    static Class<?> load(String name, byte[] bytes) {
        ClassLoader loader = new ClassLoader(Specimen.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                if (n.equals(name)) {
                    synchronized (getClassLoadingLock(n)) {
                        Class<?> c = findLoadedClass(n);
                        return c != null ? c : defineClass(n, bytes, 0, bytes.length);
                    }
                }
                return super.loadClass(n, resolve);
            }
        };
        try {
            return loader.loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ASM's CheckClassAdapter with data-flow verification; returns its complaints, empty when the class is valid. */
    static String check(byte[] bytes) {
        StringWriter out = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), Specimen.class.getClassLoader(), false, new PrintWriter(out));
        return out.toString();
    }

    static List<Method> publicStatics(Class<?> c) {
        return publicMethods(c).stream().filter(m -> Modifier.isStatic(m.getModifiers())).toList();
    }

    /** Public methods with parameters (instance ones run on a fresh receiver per variant). */
    static List<Method> publicMethods(Class<?> c) {
        List<Method> out = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && m.getParameterCount() > 0) {
                out.add(m);
            }
        }
        out.sort((a, b) -> a.getName().compareTo(b.getName()));
        return out;
    }

    private static final int[] LENGTHS = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 64, 65};

    /** Arguments for trial {@code t}: the first trials walk the edge lengths, the rest are random. */
    static Object[] args(Class<?>[] types, Random r, int t, boolean finiteOnly) {
        boolean matrix = Arrays.stream(types).anyMatch(c -> c.isArray() && c.getComponentType().isArray());
        int len = matrix ? (t < 4 ? t : r.nextInt(13)) : t < LENGTHS.length ? LENGTHS[t] : r.nextInt(120);
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            int l = r.nextInt(10) == 0 ? r.nextInt(matrix ? 13 : 120) : len;
            args[i] = value(types[i], r, l, finiteOnly);
        }
        return args;
    }

    private static Object value(Class<?> type, Random r, int len, boolean finite) {
        if (type == int.class) {
            int[] edges = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 5, Integer.MIN_VALUE + 3};
            return r.nextBoolean() ? edges[r.nextInt(edges.length)] : r.nextInt(200) - 100;
        }
        if (type == long.class) {
            long[] edges = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE + 3};
            return r.nextBoolean() ? edges[r.nextInt(edges.length)] : r.nextLong();
        }
        if (type == double.class) {
            return finite ? r.nextDouble() * 20 - 10 : special(r);
        }
        if (type == dev.selftune.generate.specimens.Shape[].class) {
            // all circles, all squares or mixed, so class guards run both ways; a null or a negative radius now and then
            int kind = r.nextInt(3);
            dev.selftune.generate.specimens.Shape[] a = new dev.selftune.generate.specimens.Shape[len];
            for (int i = 0; i < len; i++) {
                int e = r.nextInt(200);
                a[i] = e == 0 ? null : kind == 2 || kind == 1 && r.nextBoolean() ? new dev.selftune.generate.specimens.Square(r.nextDouble() * 4)
                        : new dev.selftune.generate.specimens.Circle(e == 1 ? -1 : r.nextDouble() * 10);
            }
            return a;
        }
        if (type == Number[].class) {
            Number[] a = new Number[len];
            Arrays.setAll(a, i -> r.nextBoolean() ? (Number) r.nextInt(100) : (Number) r.nextDouble());
            return a;
        }
        if (type == String.class) {
            char[] cs = new char[len];
            for (int i = 0; i < len; i++) {
                cs[i] = r.nextBoolean() ? (char) ('a' + r.nextInt(26)) : (char) r.nextInt(0x10000);
            }
            return new String(cs);
        }
        boolean small = r.nextBoolean();
        if (type == double[][].class || type == int[][].class) {
            Object[] m = (Object[]) java.lang.reflect.Array.newInstance(type.getComponentType(), len);
            for (int i = 0; i < len; i++) {
                m[i] = value(type.getComponentType(), r, len, finite);
            }
            return m;
        }
        if (type == int[].class) {
            int[] a = new int[len];
            Arrays.setAll(a, i -> small ? r.nextInt(200) - 100 : r.nextInt());
            return a;
        }
        if (type == long[].class) {
            long[] a = new long[len];
            Arrays.setAll(a, i -> small ? r.nextInt(200) - 100 : r.nextLong());
            return a;
        }
        if (type == byte[].class) {
            byte[] a = new byte[len];
            r.nextBytes(a);
            return a;
        }
        if (type == double[].class) {
            double[] a = new double[len];
            Arrays.setAll(a, i -> finite ? r.nextDouble() * 2000 - 1000 : special(r));
            return a;
        }
        if (type == float[].class) {
            float[] a = new float[len];
            for (int i = 0; i < len; i++) {
                a[i] = finite ? r.nextFloat() * 20 - 10 : (float) special(r);
            }
            return a;
        }
        throw new IllegalArgumentException("no generator for " + type);
    }

    private static double special(Random r) {
        double[] edges = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 1e300};
        return r.nextInt(8) == 0 ? edges[r.nextInt(edges.length)] : r.nextGaussian() * 1e3;
    }

    /** What a call did: its result or exception type, and the arguments afterwards. */
    record Outcome(Object result, String thrown, Object[] argsAfter) {
        /* With a tolerance (FP reassociation opted in), FP results and the FP arrays a method writes may differ within it. */
        boolean sameAs(Outcome o, double tolerance) {
            if (!java.util.Objects.equals(thrown, o.thrown) || argsAfter.length != o.argsAfter.length) {
                return false;
            }
            for (int i = 0; i < argsAfter.length; i++) {
                if (!same(argsAfter[i], o.argsAfter[i], tolerance)) {
                    return false;
                }
            }
            return same(result, o.result, tolerance);
        }

        private static boolean same(Object a, Object b, double tolerance) {
            if (tolerance > 0 && a instanceof Number x && b instanceof Number y) {
                return close(x.doubleValue(), y.doubleValue(), tolerance);
            }
            if (tolerance > 0 && a instanceof double[] x && b instanceof double[] y && x.length == y.length) {
                for (int i = 0; i < x.length; i++) {
                    if (!close(x[i], y[i], tolerance)) {
                        return false;
                    }
                }
                return true;
            }
            if (tolerance > 0 && a instanceof float[] x && b instanceof float[] y && x.length == y.length) {
                for (int i = 0; i < x.length; i++) {
                    if (!close(x[i], y[i], tolerance)) {
                        return false;
                    }
                }
                return true;
            }
            return java.util.Objects.deepEquals(a, b);
        }

        private static boolean close(double x, double y, double tolerance) {
            return Double.compare(x, y) == 0 || Math.abs(x - y) <= tolerance * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
        }
    }

    /** A receiver for an instance method, made by the class's private no-argument constructor; null for static ones. */
    static Object receiver(Method m, Class<?> c) throws ReflectiveOperationException {
        if (Modifier.isStatic(m.getModifiers())) {
            return null;
        }
        var ctor = c.getDeclaredConstructor();
        ctor.setAccessible(true);
        return ctor.newInstance();
    }

    static Outcome run(Method m, Object[] args) {
        return run(m, null, args);
    }

    static Outcome run(Method m, Object receiver, Object[] args) {
        Object[] copy = deepCopy(args);
        try {
            return new Outcome(m.invoke(receiver, copy), null, copy);
        } catch (InvocationTargetException e) {
            return new Outcome(null, e.getCause().getClass().getName(), copy);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /* Identity-preserving: an array that appears twice (aliased arguments, shared rows) is one array in the copy too. */
    private static Object[] deepCopy(Object[] args) {
        return deepCopy(args, new java.util.IdentityHashMap<>());
    }

    private static Object[] deepCopy(Object[] args, java.util.IdentityHashMap<Object, Object> seen) {
        Object[] c = args.clone();
        for (int i = 0; i < c.length; i++) {
            Object v = c[i];
            if (v == null || !v.getClass().isArray()) {
                continue;
            }
            Object done = seen.get(v);
            if (done == null) {
                done = v instanceof Object[] a ? deepCopy(a, seen) : cloneArray(v);
                seen.put(v, done);
            }
            c[i] = done;
        }
        return c;
    }

    private static Object cloneArray(Object v) {
        int n = java.lang.reflect.Array.getLength(v);
        Object out = java.lang.reflect.Array.newInstance(v.getClass().getComponentType(), n);
        System.arraycopy(v, 0, out, 0, n);
        return out;
    }

    /**
     * Makes some of {@code args} alias each other, as callers do: the same array passed twice
     * (an output that is also an input), or a row shared inside or between matrices. Only arrays of
     * one type are aliased, so every row stays well-typed.
     */
    static Object[] aliased(Object[] args, Random r) {
        for (int i = 0; i < args.length; i++) {
            for (int j = i + 1; j < args.length; j++) {
                if (args[i] != null && args[j] != null && args[i].getClass().isArray()
                        && args[i].getClass() == args[j].getClass()) {
                    int pick = r.nextInt(6);
                    if (pick == 0) {
                        args[j] = args[i];
                    } else if (pick == 1 && args[i] instanceof Object[] a && args[j] instanceof Object[] b
                            && a.length > 0 && b.length > 0) {
                        b[r.nextInt(b.length)] = a[r.nextInt(a.length)];
                    } else if (pick == 2 && args[j] instanceof Object[] b && b.length > 1) {
                        b[r.nextInt(b.length)] = b[r.nextInt(b.length)];
                    }
                }
            }
        }
        return args;
    }

    static String describe(Object[] args) {
        return Arrays.deepToString(args).replaceAll("(.{300}).*", "$1...");
    }
}
