package dev.selftune.generate.transform;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;
import dev.selftune.generate.LoopBodies;

/**
 * What an instance call does to memory when its implementation is a setter: exactly one array store
 * into an array field of its receiver ({@code this.data[index] = value}) and nothing else that writes
 * (no field or static store, no call, no other array store). The implementation is the one the call
 * resolves to from its named owner, read from the class path; an override in a subclass of the
 * receiver's runtime class is not seen (see docs/row-accumulate.md).
 */
final class SetterEffect {
    private SetterEffect() { }

    /** The field whose array the call writes, as a GETFIELD to apply to the receiver; or throws why not. */
    static FieldInsnNode writtenField(MethodInsnNode call, Function<String, InputStream> classes) throws JamPlan.Refused {
        String what = "the call " + call.owner.replace('/', '.') + "." + call.name + " after the inner loop";
        if (call.getOpcode() != Opcodes.INVOKEVIRTUAL) {
            throw new JamPlan.Refused(what + " is not a virtual call on a class; only setters of classes are read");
        }
        String owner = call.owner;
        for (int depth = 0; owner != null && depth < 16; depth++) {
            ClassNode cn = read(owner, classes);
            if (cn == null) {
                throw new JamPlan.Refused(what + ": the class file of " + owner.replace('/', '.')
                        + " could not be read, so what the call writes is unknown");
            }
            for (MethodNode m : cn.methods) {
                if (m.name.equals(call.name) && m.desc.equals(call.desc)) {
                    if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_STATIC)) != 0) {
                        throw new JamPlan.Refused(what + " resolves to an abstract, native or static method");
                    }
                    return effect(cn, m, what);
                }
            }
            owner = cn.superName;
        }
        throw new JamPlan.Refused(what + ": its implementation was not found on the class path");
    }

    private static FieldInsnNode effect(ClassNode cn, MethodNode m, String what) throws JamPlan.Refused {
        Frame<SourceValue>[] frames;
        try {
            frames = new Analyzer<>(new SourceInterpreter()).analyze(cn.name, m);
        } catch (AnalyzerException e) {
            throw new JamPlan.Refused(what + ": its implementation could not be analysed (" + e.getMessage() + ")");
        }
        /*
         * Its parameters are primitives and this is no array, so the only array values it can hold are
         * reads of its own array fields: with exactly one such field, the one store goes into it.
         */
        for (org.objectweb.asm.Type t : org.objectweb.asm.Type.getArgumentTypes(m.desc)) {
            if (t.getSort() == org.objectweb.asm.Type.OBJECT || t.getSort() == org.objectweb.asm.Type.ARRAY) {
                throw new JamPlan.Refused(what + " takes a reference argument; only setters with primitive arguments are read");
            }
        }
        FieldInsnNode written = null;
        boolean stored = false;
        for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
            int op = n.getOpcode();
            if (n instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE && v.var == 0) {
                throw new JamPlan.Refused(what + ": its implementation reassigns this");
            }
            boolean reads = op < 0 || (op >= Opcodes.NOP && op <= Opcodes.SALOAD) || (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE)
                    || (op >= Opcodes.POP && op <= Opcodes.DCMPG) || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN)
                    || op == Opcodes.GETFIELD || op == Opcodes.ARRAYLENGTH;
            if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE && !stored) {
                stored = true;
                continue;
            }
            if (op == Opcodes.AALOAD) {
                throw new JamPlan.Refused(what + " reads an array of references; which array it stores into is not clear");
            }
            if (n instanceof FieldInsnNode field && op == Opcodes.GETFIELD && field.desc.startsWith("[")) {
                if (!isThis(m, frames, field) || (written != null && !written.name.equals(field.name))) {
                    throw new JamPlan.Refused(what + " reads more than one array field, or one of another object");
                }
                written = new FieldInsnNode(Opcodes.GETFIELD, field.owner, field.name, field.desc);
            }
            if (!reads) {
                throw new JamPlan.Refused(what + " does more than store into one array field of its receiver ("
                        + org.objectweb.asm.util.Printer.OPCODES[op] + " in " + cn.name.replace('/', '.') + "." + m.name + ")");
            }
        }
        if (written == null || !stored) {
            throw new JamPlan.Refused(what + " stores into no array field of its receiver; only such setters are replayed after the row");
        }
        return written;
    }

    private static boolean isThis(MethodNode m, Frame<SourceValue>[] frames, FieldInsnNode field) {
        Frame<SourceValue> f = frames[m.instructions.indexOf(field)];
        SourceValue obj = f.getStack(f.getStackSize() - 1);
        return obj.insns.size() == 1 && obj.insns.iterator().next() instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && v.var == 0;
    }

    private static ClassNode read(String internalName, Function<String, InputStream> classes) {
        try (InputStream in = classes.apply(internalName)) {
            if (in == null) {
                return null;
            }
            ClassNode cn = new ClassNode();
            new ClassReader(in.readAllBytes()).accept(cn, ClassReader.SKIP_FRAMES);
            return cn;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * {@code jam}'s guards plus, for every call after the inner loop, "the array the setter writes
     * differs from every object the loops read": a call's write is not through its receiver alone.
     */
    static List<List<AbstractInsnNode>[]> guards(MethodNode method, Frame<SourceValue>[] frames, JamPlan jam,
                                                              Function<String, InputStream> classes) throws JamPlan.Refused {
        List<List<AbstractInsnNode>[]> guards = new ArrayList<>(jam.guards());
        Map<String, List<AbstractInsnNode>> sources = new LinkedHashMap<>();
        for (List<AbstractInsnNode>[] pair : jam.guards()) {
            sources.putIfAbsent(EpilogueEffects.describe(method, pair[1]), pair[1]);
        }
        Set<Integer> written = LoopBodies.summarise(method, jam.outer().bodyFirst(), jam.outer().backEdge()).writes().keySet();
        for (AbstractInsnNode n = jam.epilogueFirst(); n != jam.outer().iv().update(); n = n.getNext()) {
            if (!(n instanceof MethodInsnNode call)) {
                continue;
            }
            FieldInsnNode field = writtenField(call, classes);
            Frame<SourceValue> f = frames[method.instructions.indexOf(n)];
            int args = Type.getArgumentTypes(call.desc).length;
            List<AbstractInsnNode> receiver = EpilogueEffects.expr(method, frames, f.getStack(f.getStackSize() - 1 - args), written);
            if (receiver == null) {
                throw new JamPlan.Refused("the receiver of " + call.name + " after the inner loop is not a local the loop leaves alone");
            }
            List<AbstractInsnNode> target = new ArrayList<>(receiver);
            target.add(field);
            for (List<AbstractInsnNode> s : sources.values()) {
                guards.add(new List[] {target, s});
            }
        }
        return guards;
    }
}
