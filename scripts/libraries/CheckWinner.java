import java.io.File;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a target method as published and with the winner class first on the class path, on fresh inputs
 * ({@code Provider.rows(seed)} for seeds the tuning never saw), and compares return value, every argument
 * after the call and the exception type, bit for bit (or, given a tolerance, the doubles and floats within it: a
 * winner tuned with {@code --allow-fp-reassociation}, the same relative rule as tune's verifier with scale 1).
 * Prints "ok N rows" or the first difference; exit 1 on one.
 *
 * <pre>java CheckWinner &lt;library class path&gt; &lt;winner dir&gt; &lt;class#method(desc)&gt; &lt;provider class&gt; &lt;seed,seed,…&gt; [tolerance]</pre>
 *
 * Each side runs in its own loader whose parent is the platform loader, so neither sees the other's classes.
 */
public final class CheckWinner {
    private CheckWinner() { }

    /** 0: bit for bit; else doubles and floats may differ by tolerance x max(|a|, |b|, 1). */
    private static double tolerance;

    private static boolean close(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || Double.isInfinite(b)) {
            return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
        }
        return Math.abs(a - b) <= tolerance * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5 && args.length != 6) {
            System.err.println("usage: CheckWinner <library class path> <winner dir> <class#method(desc)> <provider class> <seeds> [tolerance]");
            System.exit(2);
        }
        tolerance = args.length == 6 ? Double.parseDouble(args[5]) : 0;
        URL[] lib = urls(args[0]);
        URL[] winnerFirst = new URL[lib.length + 1];
        winnerFirst[0] = Path.of(args[1]).toUri().toURL();
        System.arraycopy(lib, 0, winnerFirst, 1, lib.length);
        String target = args[2];
        String cls = target.substring(0, target.indexOf('#'));
        String name = target.substring(target.indexOf('#') + 1, target.indexOf('('));
        String desc = target.substring(target.indexOf('('));
        int rows = 0;
        try (URLClassLoader original = new URLClassLoader(lib, ClassLoader.getPlatformClassLoader());
             URLClassLoader tuned = new URLClassLoader(winnerFirst, ClassLoader.getPlatformClassLoader())) {
            for (String s : args[4].split(",")) {
                long seed = Long.parseLong(s.trim());
                Object[][] a = provide(original, args[3], seed);
                Object[][] b = provide(tuned, args[3], seed);
                Method ma = find(original, cls, name, desc);
                Method mb = find(tuned, cls, name, desc);
                for (int i = 0; i < a.length; i++) {
                    String where = "seed " + seed + " row " + i;
                    Object ra = call(ma, a[i]);
                    Object rb = call(mb, b[i]);
                    List<String> diffs = new ArrayList<>();
                    same(ra, rb, "result", diffs, new IdentityHashMap<>());
                    for (int p = 0; p < a[i].length; p++) {
                        same(a[i][p], b[i][p], "argument " + p + " after the call", diffs, new IdentityHashMap<>());
                    }
                    if (!diffs.isEmpty()) {
                        System.out.println("DIFFERS at " + where + ": " + diffs.get(0));
                        System.exit(1);
                    }
                    rows++;
                }
            }
        }
        System.out.println("ok " + rows + " rows");
    }

    private static URL[] urls(String path) throws Exception {
        List<URL> out = new ArrayList<>();
        for (String e : path.split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                out.add(Path.of(e).toUri().toURL());
            }
        }
        return out.toArray(new URL[0]);
    }

    private static Object[][] provide(ClassLoader loader, String provider, long seed) throws Exception {
        return (Object[][]) Class.forName(provider, true, loader).getMethod("rows", long.class).invoke(null, seed);
    }

    private static Method find(ClassLoader loader, String cls, String name, String desc) throws Exception {
        for (Method m : Class.forName(cls, true, loader).getDeclaredMethods()) {
            if (m.getName().equals(name) && descriptor(m).equals(desc)) {
                m.setAccessible(true);
                return m;
            }
        }
        throw new NoSuchMethodException(cls + "#" + name + desc);
    }

    private static String descriptor(Method m) {
        return java.lang.invoke.MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString();
    }

    /** The return value, or the thrown exception's class name (the outcome both sides must share). */
    private static Object call(Method m, Object[] row) throws IllegalAccessException {
        try {
            return m.invoke(Modifier.isStatic(m.getModifiers()) ? null : row[0], Modifier.isStatic(m.getModifiers())
                    ? row : java.util.Arrays.copyOfRange(row, 1, row.length));
        } catch (InvocationTargetException e) {
            return "threw " + e.getCause().getClass().getName();
        }
    }

    /** Structural equality across two loaders: same class names, primitives bit for bit, fields recursively. */
    private static void same(Object a, Object b, String path, List<String> diffs, Map<Object, Object> seen) {
        if (!diffs.isEmpty() || a == b) {
            return;
        }
        if (a == null || b == null || !a.getClass().getName().equals(b.getClass().getName())) {
            diffs.add(path + ": " + a + " vs " + b);
            return;
        }
        Class<?> c = a.getClass();
        if (c == Double.class) {
            boolean equal = tolerance > 0 ? close((Double) a, (Double) b)
                    : Double.doubleToRawLongBits((Double) a) == Double.doubleToRawLongBits((Double) b);
            if (!equal) {
                diffs.add(path + ": " + a + " vs " + b);
            }
            return;
        }
        if (c == Float.class) {
            boolean equal = tolerance > 0 ? close((Float) a, (Float) b)
                    : Float.floatToRawIntBits((Float) a) == Float.floatToRawIntBits((Float) b);
            if (!equal) {
                diffs.add(path + ": " + a + " vs " + b);
            }
            return;
        }
        if (c.isEnum()) {
            if (!((Enum<?>) a).name().equals(((Enum<?>) b).name())) {
                diffs.add(path + ": " + a + " vs " + b);
            }
            return;
        }
        if (c.getName().startsWith("java.")) {
            if (!a.equals(b)) {
                diffs.add(path + ": " + a + " vs " + b);
            }
            return;
        }
        if (seen.put(a, b) != null) {
            return;
        }
        if (c.isArray()) {
            int n = Array.getLength(a);
            if (n != Array.getLength(b)) {
                diffs.add(path + ": length " + n + " vs " + Array.getLength(b));
                return;
            }
            for (int i = 0; i < n && diffs.isEmpty(); i++) {
                same(Array.get(a, i), Array.get(b, i), path + "[" + i + "]", diffs, seen);
            }
            return;
        }
        Class<?> kb = b.getClass();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass(), kb = kb.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                try {
                    Field fb = kb.getDeclaredField(f.getName());
                    f.setAccessible(true);
                    fb.setAccessible(true);
                    same(f.get(a), fb.get(b), path + "." + f.getName(), diffs, seen);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    diffs.add(path + "." + f.getName() + ": not comparable (" + e + ")");
                }
            }
        }
    }
}
