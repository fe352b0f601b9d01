package dev.selftune.report;

import dev.selftune.api.MethodRef;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/** ASM {@link Textifier} listings of a class's methods, and the choice of which to show side by side. */
final class BytecodeText {
    private BytecodeText() { }

    /** Each method's listing keyed by {@code name + descriptor}, in class-file order. */
    static Map<String, String> methods(byte[] classBytes) {
        ClassNode cn = new ClassNode();
        new ClassReader(classBytes).accept(cn, 0);
        Map<String, String> out = new LinkedHashMap<>();
        for (MethodNode mn : cn.methods) {
            Textifier t = new Textifier();
            mn.accept(new TraceMethodVisitor(t));
            StringWriter sw = new StringWriter();
            try (PrintWriter pw = new PrintWriter(sw)) {
                t.print(pw);
            }
            out.put(mn.name + mn.desc, sw.toString().stripTrailing());
        }
        return out;
    }

    /**
     * The methods worth showing: the target (every overload of its name when it has no
     * descriptor) plus any method the variant added, removed or changed, e.g. a private helper.
     */
    static List<String> shown(Map<String, String> original, Map<String, String> variant, MethodRef target) {
        Set<String> keys = new LinkedHashSet<>();
        for (String k : original.keySet()) {
            if (isTarget(k, target)) {
                keys.add(k);
            }
        }
        Set<String> all = new LinkedHashSet<>(original.keySet());
        all.addAll(variant.keySet());
        for (String k : all) {
            if (!String.valueOf(original.get(k)).equals(String.valueOf(variant.get(k)))) {
                keys.add(k);
            }
        }
        return new ArrayList<>(keys);
    }

    private static boolean isTarget(String key, MethodRef target) {
        return target.descriptor() == null
                ? key.startsWith(target.name() + "(")
                : key.equals(target.name() + target.descriptor());
    }

    /*
     * Labels are numbered per listing (L0, L1, ...), so one inserted label renumbers every later
     * one; compare lines with label names blanked, or every jump after the change would look new.
     */
    static String normalize(String line) {
        return line.trim().replaceAll("\\bL\\d+\\b", "L#");
    }

    /** The normalised lines of {@code listing}, for marking lines the other column lacks. */
    static Set<String> lineSet(String listing) {
        Set<String> s = new LinkedHashSet<>();
        if (listing != null) {
            for (String l : listing.split("\n")) {
                s.add(normalize(l));
            }
        }
        return s;
    }
}
