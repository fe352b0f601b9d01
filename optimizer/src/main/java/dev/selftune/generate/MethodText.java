package dev.selftune.generate;

import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/** A method's code as text, for comparing two parses of the same class (or a class and its variant). */
public final class MethodText {
    private MethodText() { }

    /** Whether two methods have the same access, instructions, handlers and debug info, label names aside. */
    public static boolean same(MethodNode a, MethodNode b) {
        return a.access == b.access && text(a).equals(text(b));
    }

    /*
     * Textifier names labels L0, L1… in order of appearance, so two parses of the same code give the
     * same text even though their Label objects differ; comparing raw bytes would not work, as
     * constant pool indexes differ between a class and its variant.
     */
    public static String text(MethodNode m) {
        Textifier printer = new Textifier();
        m.accept(new TraceMethodVisitor(printer));
        StringBuilder sb = new StringBuilder();
        for (Object line : printer.getText()) {
            sb.append(line);
        }
        return sb.toString();
    }
}
