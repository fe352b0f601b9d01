package dev.selftune.report;

import dev.selftune.api.TuneResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;

/**
 * Writes a run's output directory: {@code report.json}, {@code report.html} and, on swap,
 * {@code winner/<internal/class/Name>.class}. All or nothing: a failure leaves {@code out} as it was.
 *
 * <p>Rule for an existing, non-empty {@code out}: selftune owns exactly {@code report.json},
 * {@code report.html} and the {@code winner/} directory there. Those are replaced (a stale
 * {@code winner/} from an earlier swap is removed when this run keeps the original); every other
 * file is left alone.
 */
public final class OutputWriter {
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_HTML = "report.html";
    public static final String WINNER_DIR = "winner";
    /** The minimum effect assumed when the caller does not say (the request's default). */
    public static final double DEFAULT_MIN_SPEEDUP = 1.05;

    /* Replaced in this order, so report.json, the file the agent reads, appears last. */
    private static final List<String> OWNED = List.of(WINNER_DIR, REPORT_HTML, REPORT_JSON);

    private OutputWriter() { }

    /** Writes the output with the default minimum effect; returns the paths written. */
    public static List<Path> write(TuneResult r, Path out) {
        return write(r, out, DEFAULT_MIN_SPEEDUP);
    }

    /** Writes the output; {@code minSpeedup} is drawn in the chart and recorded in the JSON. Returns the paths written. */
    public static List<Path> write(TuneResult r, Path out, double minSpeedup) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new UncheckedIOException(new FileAlreadyExistsException(out + " is a file, not a directory: pass a directory to --out"));
        }
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".selftune-");
            Path stage = Files.createDirectory(tmp.resolve("new"));
            List<Path> written = new ArrayList<>();
            byte[] winner = r.winnerClassBytes();
            if (winner != null) {
                String rel = winnerPath(winner);
                String expected = r.target().internalOwner();
                if (!rel.equals(WINNER_DIR + "/" + expected + ".class")) {
                    throw new IllegalStateException("winner class bytes declare " + rel + " but the target class is "
                            + expected + ": the variant must keep the target's name to load in its place");
                }
                Path file = stage.resolve(rel);
                Files.createDirectories(file.getParent());
                Files.write(file, winner);
                written.add(out.resolve(rel));
            }
            Files.writeString(stage.resolve(REPORT_HTML), HtmlReport.render(r, minSpeedup), StandardCharsets.UTF_8);
            Files.writeString(stage.resolve(REPORT_JSON), JsonReport.render(r, minSpeedup), StandardCharsets.UTF_8);
            written.add(0, out.resolve(REPORT_HTML));
            written.add(0, out.resolve(REPORT_JSON));
            publish(stage, target, tmp.resolve("old"));
            return List.copyOf(written);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                deleteRecursively(tmp);
            }
        }
    }

    /** {@code winner/<internal/class/Name>.class}, from the name the class bytes declare. */
    static String winnerPath(byte[] classBytes) {
        return WINNER_DIR + "/" + new ClassReader(classBytes).getClassName() + ".class";
    }

    /*
     * A missing or empty out is replaced by the staged directory in one rename. Otherwise each
     * owned entry is moved aside, then the new one moved in; renames within one file system are
     * atomic (Files.move ATOMIC_MOVE, POSIX rename(2)), and the journal undoes them on failure.
     */
    private static void publish(Path stage, Path out, Path old) throws IOException {
        if (Files.isDirectory(out) && isEmpty(out)) {
            Files.delete(out);
        }
        if (!Files.exists(out)) {
            Files.move(stage, out, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Files.createDirectory(old);
        Deque<Path[]> journal = new ArrayDeque<>();
        try {
            for (String name : OWNED) {
                Path dst = out.resolve(name);
                if (Files.exists(dst)) {
                    Files.move(dst, old.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                    journal.push(new Path[] {old.resolve(name), dst});
                }
                Path src = stage.resolve(name);
                if (Files.exists(src)) {
                    Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE);
                    journal.push(new Path[] {dst, src});
                }
            }
        } catch (IOException | RuntimeException e) {
            while (!journal.isEmpty()) {
                Path[] undo = journal.pop();
                try {
                    Files.move(undo[0], undo[1], StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            return !ds.iterator().hasNext();
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Best effort: a leftover hidden temp directory is harmless and named for what it is.
        }
    }
}
