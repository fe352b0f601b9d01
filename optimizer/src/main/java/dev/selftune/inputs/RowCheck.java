package dev.selftune.inputs;

import dev.selftune.api.TuneException;
import java.util.List;

/** Checks that user-supplied rows fit the target: arity, receiver class, and each value's type. */
final class RowCheck {
    private RowCheck() { }

    /*
     * Primitive parameters need exactly their wrapper (Integer for int): MethodHandle and reflection
     * would also widen an Integer to a long parameter, but then the user's 5 and our copy disagree
     * in type when rows are written to a file or compared; an exact rule is simpler to state.
     */
    static void check(List<Object[]> rows, ParamTypes p, boolean isStatic, ClassLoader loader, String origin) {
        int offset = isStatic ? 0 : 1;
        int arity = p.count() + offset;
        Class<?> owner = isStatic ? null : p.ownerClass(loader);
        Class<?>[] classes = new Class<?>[p.count()];
        for (int j = 0; j < classes.length; j++) {
            classes[j] = p.classOf(j, loader);
        }
        for (int k = 0; k < rows.size(); k++) {
            Object[] row = rows.get(k);
            String where = "row " + k + " of " + origin;
            if (row == null || row.length != arity) {
                throw new TuneException("--inputs", where + " has " + (row == null ? "no" : String.valueOf(row.length))
                        + " values, but " + p.method() + " takes " + arity
                        + (isStatic ? "" : " (the receiver first, then " + p.count() + " arguments)")
                        + ": return one value per parameter in each row");
            }
            if (!isStatic && !owner.isInstance(row[0])) {
                throw new TuneException("--inputs", where + " starts with " + describe(row[0]) + ", not a receiver of type "
                        + owner.getName() + ": for an instance method each row starts with the receiver");
            }
            for (int j = 0; j < classes.length; j++) {
                Object v = row[j + offset];
                if (!fits(classes[j], v)) {
                    throw new TuneException("--inputs", where + ", parameter " + (j + 1) + " of " + p.method() + " is "
                            + describe(v) + ", not assignable to " + classes[j].getTypeName()
                            + ": return values of the parameter types (boxed for primitives, e.g. Integer for int)");
                }
            }
        }
    }

    static boolean fits(Class<?> type, Object v) {
        if (!type.isPrimitive()) {
            return v == null || type.isInstance(v);
        }
        return v != null && v.getClass() == wrapper(type);
    }

    static Class<?> wrapper(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
    }

    private static String describe(Object v) {
        return v == null ? "null" : "a " + v.getClass().getTypeName();
    }
}
