package dev.selftune.agent;

import dev.selftune.api.MethodRef;
import dev.selftune.util.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wisdom file: remembered winners keyed by original class bytes, method, JVM and CPU. Loading
 * never throws: a corrupt file or entry is reported with a warning and ignored, never applied.
 */
final class Wisdom {
    /*
     * Format: {"format":"selftune-wisdom/2","entries":[WisdomEntry.toJson()...]}. Saving writes a
     * sibling temp file and moves it over the old one (atomic on POSIX), so a host killed mid-save
     * leaves the previous file intact. A corrupt file is moved aside to <file>.corrupt before the
     * first save, so the user's data is never silently overwritten.
     */
    static final String FORMAT = "selftune-wisdom/2";

    private final Path file;
    private final Events events;
    private final List<WisdomEntry> entries = new ArrayList<>();
    private boolean corrupt;

    private Wisdom(Path file, Events events) {
        this.file = file;
        this.events = events;
    }

    /** Loads the file (absent means empty); never throws. */
    static Wisdom load(Path file, Events events) {
        Wisdom w = new Wisdom(file, events);
        if (file == null || !Files.exists(file)) {
            return w;
        }
        Map<String, Object> root;
        try {
            root = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            w.corrupt = true;
            events.warn("wisdom file " + file + " is corrupt (" + e.getMessage() + "): ignored, nothing from it is applied; "
                    + "it will be moved to " + file.getFileName() + ".corrupt when a new winner is saved");
            return w;
        }
        Object list = root.get("entries");
        if (!FORMAT.equals(root.get("format")) || !(list instanceof List<?> items)) {
            w.corrupt = true;
            events.warn("wisdom file " + file + " is not a " + FORMAT + " file (no \"format\" or \"entries\"): ignored");
            return w;
        }
        int i = 0;
        for (Object item : items) {
            try {
                w.entries.add(WisdomEntry.fromJson(item));
            } catch (RuntimeException e) {
                events.warn("wisdom entry #" + i + " in " + file + " is corrupt (" + e.getMessage() + "): ignored");
            }
            i++;
        }
        return w;
    }

    List<WisdomEntry> entries() {
        return List.copyOf(entries);
    }

    /** Entries for classes with this binary name. */
    List<WisdomEntry> forOwner(String binaryName) {
        List<WisdomEntry> out = new ArrayList<>();
        for (WisdomEntry e : entries) {
            if (e.method().owner().equals(binaryName)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Adds or replaces the entry for the same key and saves; failures are warnings. */
    synchronized void remember(WisdomEntry entry) {
        entries.removeIf(e -> e.key().equals(entry.key()) || e.method().equals(entry.method())
                && e.classSha256().equals(entry.classSha256()) && e.jvm().equals(entry.jvm()) && e.cpu().equals(entry.cpu())
                && e.flags().equals(entry.flags()));
        entries.add(entry);
        save();
    }

    /** Drops entries for a method (after a guard rollback) and saves. */
    synchronized void forget(MethodRef method) {
        if (entries.removeIf(e -> e.method().equals(method))) {
            save();
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            Path abs = file.toAbsolutePath();
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            if (corrupt && Files.exists(abs)) {
                Files.move(abs, abs.resolveSibling(abs.getFileName() + ".corrupt"), StandardCopyOption.REPLACE_EXISTING);
                corrupt = false;
            }
            List<Object> list = new ArrayList<>();
            for (WisdomEntry e : entries) {
                list.add(e.toJson());
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("format", FORMAT);
            root.put("entries", list);
            Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
            Files.writeString(tmp, Json.write(root, 2) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            events.warn("could not save wisdom file " + file + ": " + e);
        }
    }
}
