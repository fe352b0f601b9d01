package dev.selftune.measure;

import dev.selftune.api.MethodRef;
import dev.selftune.inputs.Inputs;
import dev.selftune.target.TargetClassLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.List;

/**
 * The method of a {@link BenchSpec}, defined in its own class loader and adapted to
 * {@code (Object[])Object}, with the argument rows to call it on.
 */
record BoundMethod(MethodHandle invoker, Object[][] rows) {

    /* Adaptation: unreflect gives (R, P1..Pn)T for an instance method and (P1..Pn)T for a static one;
     * asType(type().generic()) boxes primitives and turns a void return into null; asSpreader takes the
     * row (receiver first for instance methods) as one Object[]. Every variant gets exactly this chain,
     * so the adapter cost is the same constant on both sides of every comparison. */
    static BoundMethod bind(BenchSpec spec) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(spec.classFile());
        } catch (IOException e) {
            throw new UncheckedIOException("class file " + spec.classFile() + " of '" + spec.label() + "' cannot be read", e);
        }
        TargetClassLoader loader = new TargetClassLoader(spec.classpath(), spec.className(), bytes);
        Class<?> owner = loader.targetClass();
        Method method = find(spec, owner, loader);
        method.setAccessible(true);
        MethodHandle direct;
        try {
            direct = MethodHandles.lookup().unreflect(method).asFixedArity();   // varargs: the array is one argument
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("method " + method + " cannot be unreflected although setAccessible succeeded", e);
        }
        int arity = direct.type().parameterCount();
        MethodHandle invoker = direct.asType(direct.type().generic()).asSpreader(Object[].class, arity);
        MethodRef ref = new MethodRef(spec.className(), spec.methodName(), spec.descriptor());
        List<Object[]> rows = Inputs.measurementRows(ref, spec.isStatic(), spec.inputs(), loader, direct);
        if (rows.isEmpty()) {
            throw new IllegalStateException("no measurement rows for " + ref + " from inputs " + spec.inputs().encode()
                    + ": every configuration threw; pass --inputs with arguments the method accepts");
        }
        for (Object[] row : rows) {
            if (row.length != arity) {
                throw new IllegalStateException("measurement row of length " + row.length + " for " + ref + " needs " + arity
                        + " elements (receiver first for instance methods)");
            }
        }
        return new BoundMethod(invoker, rows.toArray(new Object[0][]));
    }

    private static Method find(BenchSpec spec, Class<?> owner, ClassLoader loader) {
        MethodType type = MethodType.fromMethodDescriptorString(spec.descriptor(), loader);
        Method m;
        try {
            m = owner.getDeclaredMethod(spec.methodName(), type.parameterArray());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("class " + spec.className() + " of '" + spec.label() + "' declares no method "
                    + spec.methodName() + spec.descriptor(), e);
        }
        if (m.getReturnType() != type.returnType()) {
            throw new IllegalStateException("method " + spec.methodName() + " of " + spec.className() + " returns "
                    + m.getReturnType().getName() + ", not what " + spec.descriptor() + " says");
        }
        if (Modifier.isStatic(m.getModifiers()) != spec.isStatic()) {
            throw new IllegalStateException("method " + spec.methodName() + spec.descriptor() + " is "
                    + (spec.isStatic() ? "not " : "") + "static, but the spec says isStatic=" + spec.isStatic());
        }
        return m;
    }
}
