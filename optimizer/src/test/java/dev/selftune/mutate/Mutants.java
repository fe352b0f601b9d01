package dev.selftune.mutate;

import dev.selftune.generate.ClassBytes;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SimpleVerifier;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * All mutants of one target method: every operator at every instruction of the method and of the
 * private helpers it calls (transitively), since the verifier runs those too.
 */
final class Mutants {
    private Mutants() { }

    /** The edits for {@code name + desc} in the class {@code bytes}; {@code loader} resolves types for the frames. */
    static List<Edit> of(byte[] bytes, String name, String desc, ClassLoader loader) {
        ClassNode cn = ClassBytes.read(bytes);
        List<Edit> out = new ArrayList<>();
        for (MethodNode m : reach(cn, name, desc)) {
            Frame<BasicValue>[] types;
            Frame<SourceValue>[] sources;
            try {
                SimpleVerifier v = new SimpleVerifier(Type.getObjectType(cn.name),
                        cn.superName == null ? null : Type.getObjectType(cn.superName),
                        cn.interfaces.stream().map(Type::getObjectType).toList(), (cn.access & Opcodes.ACC_INTERFACE) != 0);
                v.setClassLoader(loader);
                types = new Analyzer<>(v).analyze(cn.name, m);
                sources = new Analyzer<>(new SourceInterpreter()).analyze(cn.name, m);
            } catch (AnalyzerException | RuntimeException | LinkageError e) {
                /* Untyped frames: no operator that needs an exact reference type (redirects, returned argument). */
                try {
                    types = new Analyzer<>(new BasicInterpreter()).analyze(cn.name, m);
                } catch (AnalyzerException e2) {
                    throw new IllegalStateException("cannot analyse " + cn.name + "." + m.name + m.desc + ": " + e2, e2);
                }
                sources = null;
            }
            ArrayRedirect redirect = new ArrayRedirect(types, sources);
            for (int i = 0; i < m.instructions.size(); i++) {
                out.addAll(Operators.at(m, i, types, redirect));
            }
        }
        return out;
    }

    /** The class {@code bytes} with {@code e} applied, frames recomputed; throws when ASM cannot write it (non-viable). */
    static byte[] apply(byte[] bytes, Edit e, Function<String, InputStream> resources) {
        ClassNode cn = ClassBytes.read(bytes);
        MethodNode m = cn.methods.stream().filter(x -> (x.name + x.desc).equals(e.method())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no method " + e.method()));
        e.apply().accept(m);
        return ClassBytes.write(cn, resources);
    }

    /** The method and the private methods of its class it calls, directly or through each other. */
    static List<MethodNode> reach(ClassNode cn, String name, String desc) {
        Set<MethodNode> seen = new LinkedHashSet<>();
        Deque<MethodNode> todo = new ArrayDeque<>();
        cn.methods.stream().filter(m -> m.name.equals(name) && m.desc.equals(desc)).findFirst().ifPresent(todo::add);
        while (!todo.isEmpty()) {
            MethodNode m = todo.pop();
            if (!seen.add(m)) {
                continue;
            }
            for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
                if (n instanceof MethodInsnNode call && call.owner.equals(cn.name)) {
                    cn.methods.stream().filter(x -> x.name.equals(call.name) && x.desc.equals(call.desc)
                            && (x.access & Opcodes.ACC_PRIVATE) != 0 && x.instructions.size() > 0).forEach(todo::add);
                }
            }
        }
        if (seen.isEmpty()) {
            throw new IllegalArgumentException("no method " + name + desc + " in " + cn.name);
        }
        return new ArrayList<>(seen);
    }
}
