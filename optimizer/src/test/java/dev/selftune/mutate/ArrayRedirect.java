package dev.selftune.mutate;

import static org.objectweb.asm.Opcodes.ALOAD;

import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * "A write to (or read from) a different array": the {@code ALOAD k} that produced an array access's
 * array reference loads another local of exactly the same array type instead.
 */
final class ArrayRedirect {
    private final Frame<BasicValue>[] types;
    private final Frame<SourceValue>[] sources;

    ArrayRedirect(Frame<BasicValue>[] types, Frame<SourceValue>[] sources) {
        this.types = types;
        this.sources = sources;
    }

    /** Adds an edit per other same-typed local for the array reference {@code depth} slots below the top at {@code i}. */
    void edits(List<Edit> out, String operator, MethodNode m, int i, int depth) {
        if (sources == null || sources[i] == null) {
            return;
        }
        Frame<SourceValue> f = sources[i];
        SourceValue ref = f.getStack(f.getStackSize() - depth);
        if (ref.insns.size() != 1) {
            return;
        }
        AbstractInsnNode producer = ref.insns.iterator().next();
        if (!(producer instanceof VarInsnNode load) || load.getOpcode() != ALOAD) {
            return;
        }
        int at = m.instructions.indexOf(producer);
        Frame<BasicValue> tf = types[at];
        if (tf == null || tf.getLocal(load.var).getType() == null) {
            return;
        }
        Type t = tf.getLocal(load.var).getType();
        for (int j = 0; j < tf.getLocals(); j++) {
            BasicValue v = tf.getLocal(j);
            if (j != load.var && v != null && t.equals(v.getType())) {
                int to = j;
                int from = load.var;
                out.add(new Edit(operator, m.name + m.desc, i, "array " + t.getDescriptor() + " of local " + from
                        + " -> local " + to, mm -> ((VarInsnNode) mm.instructions.get(at)).var = to));
            }
        }
    }
}
