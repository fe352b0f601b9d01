package dev.selftune.inputs;

import dev.selftune.api.TuneException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

/** Fresh receivers for instance methods, made with the owner's no-arg constructor in the caller's loader. */
final class Receivers {
    private Receivers() { }

    /** Returns new rows with a fresh receiver (one per row) in front of each argument row. */
    static List<Object[]> prepend(List<Object[]> rows, ParamTypes p, ClassLoader loader) {
        Constructor<?> ctor = p.noArgConstructor(p.ownerClass(loader));
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Object[] args : rows) {
            Object[] row = new Object[args.length + 1];
            row[0] = newInstance(ctor, p);
            System.arraycopy(args, 0, row, 1, args.length);
            out.add(row);
        }
        return out;
    }

    static Object newInstance(Constructor<?> ctor, ParamTypes p) {
        try {
            return ctor.newInstance();
        } catch (InvocationTargetException e) {
            throw new TuneException(p.method().toString(), "the no-arg constructor of " + p.method().owner() + " threw "
                    + e.getCause() + ", so selftune cannot create a receiver: " + ParamTypes.ADVICE
                    + " whose rows start with the receiver", e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new TuneException(p.method().toString(), "cannot create a receiver of " + p.method().owner()
                    + " (" + e + "): " + ParamTypes.ADVICE + " whose rows start with the receiver", e);
        }
    }
}
