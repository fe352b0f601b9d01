package dev.selftune.inputs;

import dev.selftune.api.TuneException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows from a user's provider method ({@code --inputs com.acme.In#rows}), checked against the target's parameters. */
final class ProviderRows {
    private ProviderRows() { }

    /** Calls the provider in {@code loader} and returns its validated rows (receiver first for instance methods). */
    static List<Object[]> load(String spec, ParamTypes p, boolean isStatic, ClassLoader loader) {
        Method m = resolve(spec, loader);
        Object result;
        try {
            result = m.invoke(null);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            throw new TuneException("--inputs", "inputs provider " + spec + " threw " + c
                    + ": fix it so it returns the argument rows", c);
        } catch (IllegalAccessException | RuntimeException | LinkageError e) {
            throw new TuneException("--inputs", "inputs provider " + spec + " cannot be called (" + e
                    + "): make it a public static no-arg method returning Object[][]", e);
        }
        Object[][] rows = (Object[][]) result;
        if (rows == null || rows.length == 0) {
            throw new TuneException("--inputs", "inputs provider " + spec + " returned " + (rows == null ? "null" : "no rows")
                    + ": return at least one argument list for " + p.method());
        }
        RowCheck.check(Arrays.asList(rows), p, isStatic, loader, "inputs provider " + spec);
        return new ArrayList<>(Arrays.asList(rows));
    }

    /*
     * The provider is looked up among declared methods, so a package-private or private provider in a
     * test class works too (setAccessible; the user's classes live in unnamed modules, which open
     * every package). The checks go from "is it there" to "is it the right shape", so the message
     * names the first thing to fix.
     */
    static Method resolve(String spec, ClassLoader loader) {
        int hash = spec.indexOf('#');
        if (hash <= 0 || hash == spec.length() - 1) {
            throw new TuneException("--inputs", "--inputs '" + spec
                    + "' must be <binary class name>#<static method returning Object[][]>, like com.acme.Inputs#rows");
        }
        String owner = spec.substring(0, hash);
        String name = spec.substring(hash + 1);
        Class<?> c;
        try {
            c = Class.forName(owner, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new TuneException("--inputs", "inputs provider class " + owner
                    + " was not found on the class path: add it to --classpath or fix the name in --inputs");
        }
        Method found = null;
        Method withParams = null;
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                if (m.getParameterCount() == 0) {
                    found = m;
                } else {
                    withParams = m;
                }
            }
        }
        if (found == null && withParams != null) {
            throw new TuneException("--inputs", "inputs provider " + spec + " takes parameters: "
                    + "make it a static no-arg method returning Object[][]");
        }
        if (found == null) {
            throw new TuneException("--inputs", "inputs provider method " + name + " was not found in " + owner
                    + ": name a static no-arg method returning Object[][] in --inputs");
        }
        if (!Modifier.isStatic(found.getModifiers())) {
            throw new TuneException("--inputs", "inputs provider " + spec + " is not static: "
                    + "make it a static no-arg method returning Object[][]");
        }
        if (found.getReturnType() != Object[][].class) {
            throw new TuneException("--inputs", "inputs provider " + spec + " returns " + found.getReturnType().getTypeName()
                    + ", not Object[][]: return one Object[] of arguments per row");
        }
        try {
            found.setAccessible(true);
        } catch (RuntimeException e) {
            throw new TuneException("--inputs", "inputs provider " + spec + " is not accessible (" + e + "): make it public");
        }
        return found;
    }

    /**
     * File rows: arguments only (instance methods then get a fresh receiver from the no-arg
     * constructor), or, for an instance method, the captured receiver first, rebuilt in {@code loader}.
     */
    static List<Object[]> fromFile(java.nio.file.Path file, ParamTypes p, boolean isStatic, ClassLoader loader) {
        List<Object[]> rows = RowFile.read(file);
        if (rows.isEmpty()) {
            throw new TuneException(file.toString(), "captured inputs file " + file + " holds no rows: capture some calls or pass --inputs");
        }
        String origin = "captured inputs file " + file;
        if (!isStatic && CapturedRows.haveReceivers(rows, p, file)) {
            List<Object[]> built = CapturedRows.rebuild(rows, loader, file);
            RowCheck.check(built, p, false, loader, origin);
            return built;
        }
        /* Argument rows may hold CapturedObjects too (an enum constant, an object argument of a
         * static method): they are rebuilt in this loader like a receiver. */
        List<Object[]> args = CapturedRows.holdCaptured(rows) ? CapturedRows.rebuild(rows, loader, file) : rows;
        RowCheck.check(args, p, true, loader, origin);
        return isStatic ? args : Receivers.prepend(args, p, loader);
    }
}
