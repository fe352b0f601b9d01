package dev.selftune.inputs;

import dev.selftune.api.TuneException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The captured-inputs file: a Java-serialised {@code Object[][]} of JDK values and
 * {@link CapturedObject}s (an instance method's captured receiver comes first in its row).
 */
final class RowFile {
    /* Only these classes may be deserialised: the file comes from disk, and deserialising arbitrary
     * classes runs their readObject code (JEP 290 filters exist for exactly this). */
    private static final Set<Class<?>> ALLOWED = Set.of(Object[].class, Object[][].class, String.class,
            Boolean.class, Character.class, Byte.class, Short.class, Integer.class, Long.class, Float.class,
            Double.class, Number.class, boolean[].class, char[].class, byte[].class, short[].class, int[].class,
            long[].class, float[].class, double[].class, boolean[][].class, char[][].class, byte[][].class,
            short[][].class, int[][].class, long[][].class, float[][].class, double[][].class, String[].class,
            CapturedObject.class);
    /* A captured object graph nests two stream levels per reference (the object, its values
     * array); the capture bounds references at 16 levels, so 64 leaves room and still stops a
     * file built to exhaust the stack. */
    static final int MAX_DEPTH = 64;

    private RowFile() { }

    static void write(Path file, List<Object[]> rows) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                out.writeObject(rows.toArray(new Object[0][]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write captured inputs to " + file, e);
        }
    }

    static List<Object[]> read(Path file) {
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            in.setObjectInputFilter(RowFile::filter);
            Object o = in.readObject();
            if (!(o instanceof Object[][])) {
                throw corrupt(file, "it holds a " + (o == null ? "null" : o.getClass().getTypeName()) + ", not Object[][]");
            }
            return new ArrayList<>(Arrays.asList((Object[][]) o));
        } catch (NoSuchFileException e) {
            throw new TuneException(file.toString(), "captured inputs file " + file
                    + " does not exist: check the path or capture inputs again");
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            if (e instanceof TuneException) {
                throw (TuneException) e;
            }
            throw corrupt(file, e.toString());
        }
    }

    private static ObjectInputFilter.Status filter(ObjectInputFilter.FilterInfo info) {
        Class<?> c = info.serialClass();
        if (info.depth() > MAX_DEPTH) {
            return ObjectInputFilter.Status.REJECTED;
        }
        return c == null || ALLOWED.contains(c) ? ObjectInputFilter.Status.UNDECIDED : ObjectInputFilter.Status.REJECTED;
    }

    private static TuneException corrupt(Path file, String why) {
        return new TuneException(file.toString(), "captured inputs file " + file + " is unreadable or corrupt (" + why
                + "): capture the inputs again or pass --inputs <class>#<static method returning Object[][]>");
    }
}
