package dev.selftune.generate;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Names local slots as the source did, for reasons a user reads: {@code local 2} becomes
 * {@code c (local 2)} when the class carries a debug name for that slot.
 */
public final class LocalNames {
    private static final Pattern LOCAL = Pattern.compile("\\blocal (\\d+)\\b(?! \\()");

    private LocalNames() { }

    /*
     * javac reuses the slots of ended scopes (two loops may both keep "i" in slot 3, or "i" and "k"
     * may share it), so a slot is named only when every debug entry for it agrees; otherwise the
     * bare slot number stays, which is still exact. Without -g (no LocalVariableTable) too.
     */
    /** The source name of slot {@code slot}, or null when the class has none or several for it. */
    public static String of(MethodNode method, int slot) {
        if (method.localVariables == null) {
            return null;
        }
        Set<String> names = new HashSet<>();
        for (LocalVariableNode v : method.localVariables) {
            if (v.index == slot) {
                names.add(v.name);
            }
        }
        return names.size() == 1 ? names.iterator().next() : null;
    }

    /** {@code c (local 2)}, or {@code local 2} when the slot has no single source name. */
    public static String describe(MethodNode method, int slot) {
        String name = of(method, slot);
        return name == null ? "local " + slot : name + " (local " + slot + ")";
    }

    /** {@code text} with the first {@code local N} of each slot replaced by {@link #describe}, later ones by the bare name. */
    public static String in(MethodNode method, String text) {
        Matcher m = LOCAL.matcher(text);
        StringBuilder sb = new StringBuilder();
        Set<Integer> named = new HashSet<>();
        while (m.find()) {
            int slot = Integer.parseInt(m.group(1));
            String name = of(method, slot);
            String said = name != null && !named.add(slot) ? name : describe(method, slot);
            m.appendReplacement(sb, Matcher.quoteReplacement(said));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
