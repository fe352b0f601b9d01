package dev.selftune.inputs;

import dev.selftune.api.MethodRef;
import dev.selftune.api.TuneException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import org.objectweb.asm.Type;

/** The parameter types of a target read from its descriptor, and which of them selftune can generate. */
final class ParamTypes {
    static final String ADVICE = "pass --inputs <class>#<static method returning Object[][]>";

    /*
     * Enum parameters are generated as their constants, looked up in the loader the rows are made
     * for (an original and a variant each get their own loader's constants; Snapshot compares enums
     * by class and constant name). Looking up the constants initialises the enum class, as the
     * target's first call would. Null comes from ShapeRows' rule for every reference parameter.
     */
    private final MethodRef method;
    private final Type[] types;
    private final ClassLoader loader;
    private Object[][] constants;

    ParamTypes(MethodRef method) {
        this(method, null);
    }

    /** With {@code loader} (null: none), enum parameters are generatable as that loader's constants. */
    ParamTypes(MethodRef method, ClassLoader loader) {
        if (method.descriptor() == null) {
            throw new IllegalArgumentException("method " + method + " has no descriptor: resolve the overload first");
        }
        this.method = method;
        this.types = Type.getArgumentTypes(method.descriptor());
        this.loader = loader;
    }

    /** The constants of parameter {@code i}'s enum type (at least one), or null when it is no enum or unknown here. */
    Object[] enumConstants(int i) {
        if (constants == null) {
            constants = new Object[types.length][];
            for (int j = 0; j < types.length; j++) {
                constants[j] = lookUpConstants(types[j]);
            }
        }
        return constants[i];
    }

    private Object[] lookUpConstants(Type t) {
        if (loader == null || t.getSort() != Type.OBJECT || "Ljava/lang/String;".equals(t.getDescriptor())) {
            return null;
        }
        try {
            Class<?> c = Class.forName(t.getClassName(), false, loader);
            Object[] k = c.isEnum() ? c.getEnumConstants() : null;
            return k == null || k.length == 0 ? null : k;
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** True when parameter {@code i} is an enum whose constants this loader knows. */
    boolean isEnum(int i) {
        return enumConstants(i) != null;
    }

    int count() {
        return types.length;
    }

    Type get(int i) {
        return types[i];
    }

    MethodRef method() {
        return method;
    }

    /** True for primitives, 1-D and 2-D primitive arrays and String: what {@link ValueGenerator} makes (enums: {@link #isEnum}). */
    static boolean generatable(Type t) {
        if (t.getSort() == Type.ARRAY) {
            return t.getDimensions() <= 2 && t.getElementType().getSort() <= Type.DOUBLE;
        }
        return t.getSort() <= Type.DOUBLE || "Ljava/lang/String;".equals(t.getDescriptor());
    }

    /** Index (0-based) of the first parameter that cannot be generated, or -1. */
    int firstUngeneratable() {
        for (int i = 0; i < types.length; i++) {
            if (!generatable(types[i]) && !isEnum(i)) {
                return i;
            }
        }
        return -1;
    }

    boolean allGeneratable() {
        return firstUngeneratable() < 0;
    }

    /** Throws the "cannot generate" error for the first parameter that needs user-provided inputs. */
    void requireGeneratable(boolean isStatic, ClassLoader loader) {
        int bad = firstUngeneratable();
        if (bad >= 0) {
            throw new TuneException(method.toString(), "parameter " + (bad + 1) + " of " + method + " has type "
                    + types[bad].getClassName() + ", which selftune cannot generate: " + ADVICE);
        }
        if (!isStatic) {
            noArgConstructor(ownerClass(loader));
        }
    }

    /** The owner class as loaded by {@code loader}, not initialised. */
    Class<?> ownerClass(ClassLoader loader) {
        try {
            return Class.forName(method.owner(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new TuneException(method.owner(), "class " + method.owner() + " cannot be loaded from the class path ("
                    + e + "): add the jar or directory holding it to --classpath");
        }
    }

    /** The class of parameter {@code i} as seen from {@code loader}. */
    Class<?> classOf(int i, ClassLoader loader) {
        Type t = types[i];
        switch (t.getSort()) {
            case Type.BOOLEAN: return boolean.class;
            case Type.CHAR: return char.class;
            case Type.BYTE: return byte.class;
            case Type.SHORT: return short.class;
            case Type.INT: return int.class;
            case Type.FLOAT: return float.class;
            case Type.LONG: return long.class;
            case Type.DOUBLE: return double.class;
            default:
                String name = t.getSort() == Type.ARRAY ? t.getDescriptor().replace('/', '.') : t.getClassName();
                try {
                    return Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new TuneException(method.toString(), "parameter " + (i + 1) + " of " + method + " has type "
                            + t.getClassName() + ", which is not on the class path: add it to --classpath");
                }
        }
    }

    /** The accessible no-arg constructor of {@code owner}, or the "cannot construct a receiver" error. */
    Constructor<?> noArgConstructor(Class<?> owner) {
        if (Modifier.isAbstract(owner.getModifiers())) {
            throw new TuneException(method.toString(), method + " is an instance method of abstract " + owner.getName()
                    + ", so selftune cannot create a receiver: " + ADVICE + " whose rows start with the receiver");
        }
        try {
            Constructor<?> c = owner.getDeclaredConstructor();
            c.setAccessible(true);
            return c;
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new TuneException(method.toString(), method + " is an instance method and " + owner.getName()
                    + " has no no-arg constructor to create a receiver with: " + ADVICE + " whose rows start with the receiver");
        }
    }
}
