package dev.selftune.inputs;

import dev.selftune.api.MethodRef;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Argument rows for a target: generated from its parameter types, from a provider method, or from a
 * captured-inputs file. Every call builds fresh objects in the given class loader.
 */
public final class Inputs {
    private Inputs() { }

    /**
     * Fails fast, with a {@link dev.selftune.api.TuneException} naming the fix, when no rows can be
     * made: ungeneratable parameters, no receiver, a provider of the wrong shape, a corrupt file.
     */
    public static void check(MethodRef m, boolean isStatic, InputSource src, ClassLoader loader) {
        ParamTypes p = new ParamTypes(m, loader);
        if (src.provider() == null && src.file() == null) {
            p.requireGeneratable(isStatic, loader);
        } else {
            userRows(p, isStatic, src, loader);
        }
    }

    /**
     * Why selftune cannot generate {@code m}'s arguments (the first parameter of a type it cannot make,
     * as {@link #check} would report it), or null when every parameter is generatable in {@code loader}.
     */
    public static String ungeneratable(MethodRef m, ClassLoader loader) {
        ParamTypes p = new ParamTypes(m, loader);
        int bad = p.firstUngeneratable();
        return bad < 0 ? null : "parameter " + (bad + 1) + " has type " + p.get(bad).getClassName()
                + ", which selftune cannot generate";
    }

    /**
     * Rows for differential testing: every provider/file row, copies of them on each side of every
     * usual integral value ({@link UsualValues}, so a guard on it runs both ways), then (when the types allow)
     * generated rows (1200 small, a few at each size); receivers first for instance methods, from
     * the no-arg constructor or, without one, rebuilt in turn from the file's captured receivers. When
     * the types allow no generation (a parameter of a class type; a receiver without a no-arg constructor
     * and no captured ones), copies of the caller's rows with fresh floating-point values ({@link Perturbed}).
     */
    public static List<Object[]> verificationRows(MethodRef m, boolean isStatic, InputSource src, ClassLoader loader) {
        return verificationRowsFromCaller(m, isStatic, src, loader).rows();
    }

    /**
     * {@link #verificationRows}' rows and how many of them, first in the list, are the caller's: the
     * provider or file rows and their copies on each side of a usual value. The rest are generated.
     */
    public record VerificationRows(List<Object[]> rows, int fromCaller) { }

    /** {@link #verificationRows}, saying which rows are the caller's ({@link VerificationRows}). */
    public static VerificationRows verificationRowsFromCaller(MethodRef m, boolean isStatic, InputSource src, ClassLoader loader) {
        ParamTypes p = new ParamTypes(m, loader);
        List<Object[]> rows = new ArrayList<>();
        int fromCaller = 0;
        if (src.provider() != null || src.file() != null) {
            List<Object[]> user = userRows(p, isStatic, src, loader);
            rows.addAll(user);
            rows.addAll(usual(m, isStatic, user).sideRows(user, isStatic ? 0 : 1));
            fromCaller = rows.size();
            if (!p.allGeneratable()) {
                rows.addAll(Perturbed.rows(rows, src.seed()));
                return new VerificationRows(rows, fromCaller);
            }
            if (!isStatic && !hasNoArgConstructor(p, loader)) {
                List<Object> receivers = src.file() == null ? List.of() : CapturedRows.receivers(src.file(), p);
                if (!receivers.isEmpty()) {
                    rows.addAll(CapturedRows.prepend(GeneratedRows.rows(p, src.seed(), src.sizes()), receivers, loader, src.file()));
                } else {
                    rows.addAll(Perturbed.rows(rows, src.seed()));
                }
                return new VerificationRows(rows, fromCaller);
            }
        } else {
            p.requireGeneratable(isStatic, loader);
        }
        List<Object[]> generated = GeneratedRows.rows(p, src.seed(), src.sizes());
        rows.addAll(isStatic ? generated : Receivers.prepend(generated, p, loader));
        return new VerificationRows(rows, fromCaller);
    }

    /**
     * How often each integral parameter takes its usual value in the caller rows ({@code --inputs} or
     * captured calls); {@link UsualValues#none()} when the rows are generated.
     */
    public static UsualValues usualValues(MethodRef m, boolean isStatic, InputSource src, ClassLoader loader) {
        if (src.provider() == null && src.file() == null) {
            return UsualValues.none();
        }
        return usual(m, isStatic, userRows(new ParamTypes(m, loader), isStatic, src, loader));
    }

    private static UsualValues usual(MethodRef m, boolean isStatic, List<Object[]> rows) {
        List<Object[]> args = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            args.add(isStatic ? r : java.util.Arrays.copyOfRange(r, 1, r.length));
        }
        return UsualValues.of(m.name(), m.descriptor(), args);
    }

    /**
     * Rows for JMH: the provider/file rows (at most 64), else one generated row per size in the first
     * configuration for which {@code probe} (the original method, receiver first) returns normally.
     */
    public static List<Object[]> measurementRows(MethodRef m, boolean isStatic, InputSource src, ClassLoader loader,
                                                 MethodHandle probe) {
        ParamTypes p = new ParamTypes(m, loader);
        if (src.provider() != null || src.file() != null) {
            List<Object[]> probeCopies = userRows(p, isStatic, src, loader);
            return MeasurementRows.user(userRows(p, isStatic, src, loader), probeCopies, p, probe);
        }
        p.requireGeneratable(isStatic, loader);
        return MeasurementRows.generated(p, isStatic, src.seed(), src.sizes(), loader, probe);
    }

    /** A copy safe to pass to a mutating method: arrays deep-copied, Strings, boxes and receivers shared. */
    public static Object[] copyRow(Object[] row) {
        return RowCopier.copy(row);
    }

    /**
     * Writes rows as a captured-inputs file: primitives, boxes, primitive arrays, Strings and
     * {@link CapturedObject}s (an instance method's rows may start with its captured receiver).
     */
    public static void writeRows(Path file, List<Object[]> rows) {
        RowFile.write(file, rows);
    }

    /** Reads a captured-inputs file; a missing, unreadable or corrupt file is a TuneException. */
    public static List<Object[]> readRows(Path file) {
        return RowFile.read(file);
    }

    private static List<Object[]> userRows(ParamTypes p, boolean isStatic, InputSource src, ClassLoader loader) {
        return src.provider() != null
                ? ProviderRows.load(src.provider(), p, isStatic, loader)
                : ProviderRows.fromFile(src.file(), p, isStatic, loader);
    }

    private static boolean hasNoArgConstructor(ParamTypes p, ClassLoader loader) {
        try {
            p.noArgConstructor(p.ownerClass(loader));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
