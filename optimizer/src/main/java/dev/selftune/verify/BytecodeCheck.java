package dev.selftune.verify;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.util.CheckClassAdapter;

/** The static half of verification: ASM's structural check and a type-flow analysis of every method. */
public final class BytecodeCheck {
    private BytecodeCheck() { }

    /**
     * Returns null when {@code classBytes} pass, else the reason. Supertypes are resolved from the
     * class files visible through {@code hierarchy}; no class is loaded.
     */
    public static String check(byte[] classBytes, ClassLoader hierarchy) {
        ClassNode cn = new ClassNode();
        try {
            ClassReader reader = new ClassReader(classBytes);
            reader.accept(new CheckClassAdapter(Opcodes.ASM9, null, false) { }, 0);
            reader.accept(cn, 0);
        } catch (RuntimeException e) {
            return "malformed class file: " + e.getMessage();
        }
        Type self = Type.getObjectType(cn.name);
        Type sup = cn.superName == null ? null : Type.getObjectType(cn.superName);
        List<Type> interfaces = new ArrayList<>();
        for (String i : cn.interfaces) {
            interfaces.add(Type.getObjectType(i));
        }
        boolean isInterface = (cn.access & Opcodes.ACC_INTERFACE) != 0;
        ClassFiles files = new ClassFiles(hierarchy);
        for (MethodNode m : cn.methods) {
            if (m.instructions.size() == 0) {
                continue;
            }
            ClassFileVerifier v = new ClassFileVerifier(self, sup, interfaces, isInterface, files);
            Analyzer<BasicValue> a = new Analyzer<>(v);
            try {
                a.analyze(cn.name, m);
                String ret = retOperands(m, a.getFrames());
                if (ret != null) {
                    return "method " + m.name + m.desc + " fails type-flow analysis: " + ret;
                }
            } catch (AnalyzerException e) {
                int at = e.node == null ? -1 : m.instructions.indexOf(e.node);
                return "method " + m.name + m.desc + " fails type-flow analysis"
                        + (at >= 0 ? " at instruction " + at : "") + ": " + e.getMessage();
            } catch (RuntimeException e) {
                return "method " + m.name + m.desc + " cannot be analysed: " + e;
            }
        }
        return null;
    }

    /*
     * ASM's Analyzer follows JSR/RET subroutines but does not check RET's operand; the JVM's
     * inference verifier does (JVMS 4.10.2.4: the local must hold a returnAddress). Old class
     * files are the only ones with RET, and a transform that renumbered locals could break it.
     */
    private static String retOperands(MethodNode m, Frame<BasicValue>[] frames) {
        for (int i = 0; i < frames.length; i++) {
            AbstractInsnNode n = m.instructions.get(i);
            if (n.getOpcode() == Opcodes.RET && frames[i] != null) {
                int var = ((VarInsnNode) n).var;
                BasicValue v = frames[i].getLocal(var);
                if (!BasicValue.RETURNADDRESS_VALUE.equals(v)) {
                    return "RET at instruction " + i + " reads local " + var + ", which holds " + v + ", not a return address";
                }
            }
        }
        return null;
    }
}
