package dev.selftune.mutate;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;

/** Deep comparison for the equivalence run: bit-exact by default, relative tolerance for floats when given. */
final class Same {
    private Same() { }

    static boolean values(Object a, Object b, Double tol) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return doubles(x, y, tol);
        }
        if (a instanceof Float x && b instanceof Float y) {
            return doubles(x, y, tol);
        }
        if (a.getClass().isArray()) {
            if (a.getClass() != b.getClass() || Array.getLength(a) != Array.getLength(b)) {
                return false;
            }
            for (int i = 0; i < Array.getLength(a); i++) {
                if (!values(Array.get(a, i), Array.get(b, i), tol)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Number || a instanceof String || a instanceof Boolean || a instanceof Character) {
            return a.equals(b);
        }
        if (!a.getClass().getName().equals(b.getClass().getName())) {
            return false;
        }
        return fields(a, b, tol);
    }

    /** Instance fields of two objects of the same-named class (from different loaders), deeply. */
    static boolean fields(Object a, Object b, Double tol) {
        Field[] fa = a.getClass().getDeclaredFields();
        Field[] fb = b.getClass().getDeclaredFields();
        for (int i = 0; i < fa.length; i++) {
            if (Modifier.isStatic(fa[i].getModifiers())) {
                continue;
            }
            if (!values(get(fa[i], a), get(fb[i], b), tol)) {
                return false;
            }
        }
        return true;
    }

    /** The static fields of two copies of a class, deeply ({@code $}-named synthetic fields skipped). */
    static String statics(Class<?> a, Class<?> b, Double tol) {
        Field[] fa = a.getDeclaredFields();
        Field[] fb = b.getDeclaredFields();
        for (int i = 0; i < fa.length; i++) {
            if (Modifier.isStatic(fa[i].getModifiers()) && !fa[i].getName().contains("$")
                    && !values(get(fa[i], null), get(fb[i], null), tol)) {
                return fa[i].getName();
            }
        }
        return null;
    }

    private static Object get(Field f, Object o) {
        try {
            f.setAccessible(true);
            return f.get(o);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "<unreadable " + e + ">";
        }
    }

    private static boolean doubles(double x, double y, Double tol) {
        if (Double.doubleToLongBits(x) == Double.doubleToLongBits(y)) {
            return true;
        }
        if (tol == null || Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
            return false;
        }
        return Math.abs(x - y) <= tol * Math.max(Math.abs(x), Math.abs(y)) || Objects.equals(x, y);
    }
}
