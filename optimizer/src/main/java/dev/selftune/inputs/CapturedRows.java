package dev.selftune.inputs;

import dev.selftune.api.TuneException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Rows of a captured-inputs file whose first value is the captured receiver of an instance method. */
final class CapturedRows {
    private CapturedRows() { }

    /*
     * A file written by the agent for an instance method holds either argument-only rows (the
     * receiver could not be copied and the class has a no-arg constructor, the old format) or rows
     * that all start with the receiver's CapturedObject; a file mixing both is corrupt. The
     * captured rows are few (the agent keeps at most 100 calls), fewer than a verdict needs, so
     * generated argument rows are checked on receivers rebuilt from the captured ones in turn:
     * real receiver states, arguments from the generator, as for a static method.
     */
    /** True when every row starts with a captured receiver; false when none does. */
    static boolean haveReceivers(List<Object[]> rows, ParamTypes p, Path file) {
        int with = 0;
        for (Object[] r : rows) {
            with += r != null && r.length == p.count() + 1 && r[0] instanceof CapturedObject ? 1 : 0;
        }
        if (with != 0 && with != rows.size()) {
            throw new TuneException(file.toString(), "captured inputs file " + file + " mixes rows with a captured receiver ("
                    + with + ") and rows without (" + (rows.size() - with) + "): capture the inputs again");
        }
        return with > 0 && with == rows.size();
    }

    /** True when some value of some row is a {@link CapturedObject} (it must be rebuilt before use). */
    static boolean holdCaptured(List<Object[]> rows) {
        for (Object[] r : rows) {
            for (Object v : r == null ? new Object[0] : r) {
                if (v instanceof CapturedObject) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Every row rebuilt in {@code loader}, receiver included; fresh objects on every call. A row a
     * record's constructor refuses is left out (said once on stderr); none left is an error.
     */
    static List<Object[]> rebuild(List<Object[]> rows, ClassLoader loader, Path file) {
        List<Object[]> out = new ArrayList<>(rows.size());
        Rebuilder.Failure firstRefusal = null;
        int refusedRow = -1;
        for (int i = 0; i < rows.size(); i++) {
            try {
                out.add(new Rebuilder(loader).row(rows.get(i)));
            } catch (Rebuilder.Failure e) {
                if (!e.refusesRow()) {
                    throw cannotRebuild(file, i, e);
                }
                if (firstRefusal == null) {
                    firstRefusal = e;
                    refusedRow = i;
                }
                warnOnce(file + ": row " + i + " of the captured inputs is left out: " + e.getMessage());
            }
        }
        if (out.isEmpty() && firstRefusal != null) {
            throw cannotRebuild(file, refusedRow, firstRefusal);
        }
        return out;
    }

    /*
     * Rows are rebuilt once per sandbox (original, each variant, each fork), in the same order and
     * through the same record constructors, so every sandbox leaves out the same rows; the warning
     * is printed once per JVM, not once per sandbox.
     */
    private static final java.util.Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static void warnOnce(String message) {
        if (WARNED.size() < 1000 && WARNED.add(message)) {
            System.err.println("selftune: warning: " + message);
        }
    }

    /** The captured receivers of {@code file} (one per row), or an empty list when its rows hold none. */
    static List<Object> receivers(Path file, ParamTypes p) {
        List<Object[]> rows = RowFile.read(file);
        List<Object> out = new ArrayList<>();
        if (haveReceivers(rows, p, file)) {
            for (Object[] r : rows) {
                out.add(r[0]);
            }
        }
        return out;
    }

    /** {@code args} rows, each with a receiver rebuilt from {@code receivers} in turn. */
    static List<Object[]> prepend(List<Object[]> args, List<Object> receivers, ClassLoader loader, Path file) {
        List<Object> usable = new ArrayList<>(receivers.size());
        Rebuilder.Failure firstRefusal = null;
        for (int i = 0; i < receivers.size(); i++) {
            try {
                new Rebuilder(loader).value(receivers.get(i));
                usable.add(receivers.get(i));
            } catch (Rebuilder.Failure e) {
                if (!e.refusesRow()) {
                    throw cannotRebuild(file, i, e);
                }
                firstRefusal = firstRefusal == null ? e : firstRefusal;
            }
        }
        if (usable.isEmpty() && firstRefusal != null) {
            throw cannotRebuild(file, 0, firstRefusal);
        }
        List<Object[]> out = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            Object[] row = new Object[args.get(i).length + 1];
            row[0] = new Rebuilder(loader).value(usable.get(i % usable.size()));
            System.arraycopy(args.get(i), 0, row, 1, row.length - 1);
            out.add(row);
        }
        return out;
    }

    private static TuneException cannotRebuild(Path file, int row, Rebuilder.Failure e) {
        return new TuneException(file.toString(), "row " + row + " of captured inputs file " + file
                + " cannot be rebuilt: " + e.getMessage() + ": capture the inputs again against these class files, or pass --inputs");
    }
}
