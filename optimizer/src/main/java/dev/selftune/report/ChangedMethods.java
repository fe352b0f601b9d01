package dev.selftune.report;

import dev.selftune.generate.Multiversion;
import dev.selftune.generate.UnitRouting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/**
 * Which methods of the original class a variant rewrote ({@code name + descriptor}, in the class's
 * order), read from the two class files: a method tuned as a private copy ({@code sort$unit$1})
 * counts as its original ({@code sort}), a call that only moved to a copy is no change.
 */
public final class ChangedMethods {
    private final ClassNode original;
    private final Map<String, String> texts = new HashMap<>();

    public ChangedMethods(byte[] original) {
        this.original = parse(original);
    }

    /** The methods {@code variant} changed; empty when either class is null. */
    public static List<String> of(byte[] original, byte[] variant) {
        return original == null || variant == null ? List.of() : new ChangedMethods(original).in(variant);
    }

    /*
     * Compared as text with frames skipped, max stack/locals left out and copy names mapped back:
     * a variant's frames and maxes are recomputed by ASM, and a routed call names the copy. A
     * multiversion helper (m$fast$k, m$guard$k) is not listed itself: the method it serves changed too
     * (its entry dispatches), and that method is listed.
     */
    public List<String> in(byte[] variant) {
        Set<String> out = new LinkedHashSet<>();
        ClassNode v = parse(variant);
        Map<String, List<MethodNode>> byKey = new HashMap<>();
        for (MethodNode m : v.methods) {
            if (!m.name.contains(Multiversion.FAST) && !m.name.contains(Multiversion.GUARD)) {
                byKey.computeIfAbsent(UnitRouting.originalName(m.name) + m.desc, k -> new ArrayList<>()).add(m);
            }
        }
        for (MethodNode o : original.methods) {
            String key = o.name + o.desc;
            for (MethodNode m : byKey.getOrDefault(key, List.of())) {
                if (!text(m).equals(texts.computeIfAbsent(key, k -> text(o)))) {
                    out.add(key);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static ClassNode parse(byte[] bytes) {
        ClassNode cn = new ClassNode();
        new ClassReader(bytes).accept(cn, ClassReader.SKIP_FRAMES);
        return cn;
    }

    private static String text(MethodNode m) {
        Textifier printer = new Textifier();
        m.accept(new TraceMethodVisitor(printer));
        StringBuilder sb = new StringBuilder();
        for (String line : String.join("", printer.getText().stream().map(String::valueOf).toList()).split("\n")) {
            String t = line.trim();
            if (!t.startsWith("MAXSTACK") && !t.startsWith("MAXLOCALS")) {
                sb.append(t.replaceAll("\\$unit\\$\\d+", "")).append('\n');
            }
        }
        return sb.toString();
    }
}
