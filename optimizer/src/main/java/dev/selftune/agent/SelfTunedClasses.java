package dev.selftune.agent;

import dev.selftune.api.MethodRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The class files of self-tuning's confirmed winners, written under {@code <out>/self-tuned/} by internal name,
 * so a later JVM can run on them by putting that directory first on its class path (the generator-throughput
 * benchmark's "after"). Several winners in one class are merged into one class file.
 */
final class SelfTunedClasses {
    /*
     * A winner class is the whole original class with the tuned method changed and, for guarded
     * versions, helper methods added (DESIGN: m$fast$k). A second winner of the same class was tuned
     * from the original class too, so it is merged by method: its tuned method and every method the
     * original lacks replace or join those of the file written before. A helper name both define
     * (two winners' helpers colliding) would make the merge wrong: the second winner is then not
     * written, and the caller says so. A winner the guard rolled back is taken out again.
     */
    private final Path dir;

    SelfTunedClasses(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Writes (or merges) {@code winner}, the tuned {@code m} of a class whose original bytes are {@code original}. */
    void add(MethodRef m, byte[] original, byte[] winner) throws IOException {
        Path file = file(m);
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.write(file, winner);
            return;
        }
        ClassNode into = node(Files.readAllBytes(file));
        ClassNode orig = node(original);
        for (MethodNode wm : node(winner).methods) {
            boolean tuned = wm.name.equals(m.name()) && wm.desc.equals(m.descriptor());
            boolean added = find(orig.methods, wm.name, wm.desc) == null;
            if (!tuned && !added) {
                continue;
            }
            MethodNode old = find(into.methods, wm.name, wm.desc);
            if (added && old != null) {
                throw new IOException("method " + wm.name + wm.desc + " added by the winner of " + m + " is in " + file
                        + " already (another winner's helper): not merged");
            }
            if (old != null) {
                into.methods.set(into.methods.indexOf(old), wm);
            } else {
                into.methods.add(wm);
            }
        }
        ClassWriter cw = new ClassWriter(0);   // frames and maxima come with the methods, unchanged
        into.accept(cw);
        Files.write(file, cw.toByteArray());
    }

    /** Takes the winner of {@code m} out: its original method back, or the file removed when no other winner is in it. */
    void remove(MethodRef m, byte[] original) throws IOException {
        Path file = file(m);
        if (!Files.exists(file)) {
            return;
        }
        ClassNode into = node(Files.readAllBytes(file));
        MethodNode orig = find(node(original).methods, m.name(), m.descriptor());
        MethodNode cur = find(into.methods, m.name(), m.descriptor());
        if (orig == null || cur == null) {
            return;
        }
        into.methods.set(into.methods.indexOf(cur), orig);
        ClassWriter cw = new ClassWriter(0);
        into.accept(cw);
        byte[] out = cw.toByteArray();
        ClassWriter plain = new ClassWriter(0);
        node(original).accept(plain);
        if (java.util.Arrays.equals(out, plain.toByteArray())) {
            Files.delete(file);
        } else {
            Files.write(file, out);
        }
    }

    private Path file(MethodRef m) {
        return dir.resolve(m.internalOwner() + ".class");
    }

    private static ClassNode node(byte[] b) {
        ClassNode cn = new ClassNode();
        new ClassReader(b).accept(cn, 0);
        return cn;
    }

    private static MethodNode find(List<MethodNode> ms, String name, String desc) {
        return ms.stream().filter(x -> x.name.equals(name) && x.desc.equals(desc)).findFirst().orElse(null);
    }
}
