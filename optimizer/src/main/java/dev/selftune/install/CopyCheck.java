package dev.selftune.install;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The install-time proof that the hidden nestmate copy runs the body that was verified: every
 * method in the copy must equal the same method of the verified class bytes, instruction by
 * instruction, modulo the renaming {@link NestmateCopy} documents (calls and method handles of
 * the host's moved members go to the copy as static methods taking the receiver first, invokespecial
 * of a private member becomes a virtual call, lambdas whose bodies moved bootstrap through the bridge).
 */
final class CopyCheck {
    private CopyCheck() { }

    /*
     * Why at install time rather than verifying the copy itself: the copy is a hidden class that
     * only exists inside the target's nest in the running JVM, so the differential test cannot load
     * it in a fresh loader. The verifier judged the variant's class bytes; this check closes the gap
     * by showing that what NestmateCopy emitted is those bodies, so a bug in the copying (a dropped
     * or rewritten instruction, a wrong call target) fails the install instead of running unverified.
     */
    /** Throws when a method of {@code copyBytes} differs from {@code verified}'s method of the same name and shape. */
    static void require(ClassNode verified, byte[] copyBytes, String element) {
        ClassNode copy = new ClassNode();
        new ClassReader(copyBytes).accept(copy, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
        String host = verified.name;
        Map<String, MethodNode> byStaticShape = new HashMap<>();
        for (MethodNode m : verified.methods) {
            byStaticShape.put(m.name + NestmateCopy.staticDesc(host, m.access, m.desc), m);
        }
        for (MethodNode c : copy.methods) {
            MethodNode v = byStaticShape.get(c.name + c.desc);
            String why = v == null ? "it has no counterpart in the verified class" : difference(v, c, host, copy.name);
            if (why != null) {
                throw new InstallException(element, InstallException.Rule.OTHER, "the hidden copy's " + c.name + c.desc
                        + " is not the verified body (" + why + "); this is a selftune bug",
                        "report it with the variant's bytes; the original keeps running");
            }
        }
    }

    /** Null when the bodies are the same modulo the renaming, else where they first differ. */
    static String difference(MethodNode verified, MethodNode copy, String host, String copyName) {
        List<String> a = normalized(verified, host, copyName, verified);
        List<String> b = normalized(copy, host, copyName, verified);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "<end>";
            String y = i < b.size() ? b.get(i) : "<end>";
            if (!x.equals(y)) {
                return "instruction " + i + ": verified " + x + ", copy " + y;
            }
        }
        return null;
    }

    private static List<String> normalized(MethodNode m, String host, String copyName, MethodNode verified) {
        /* A label is named by the index of the instruction it precedes: labels at one offset may be
         * one label or several depending on how the bytes were read. */
        Map<LabelNode, Integer> labels = new HashMap<>();
        int index = 0;
        for (AbstractInsnNode n : m.instructions) {
            if (n instanceof LabelNode l) {
                labels.put(l, index);
            } else if (n.getOpcode() >= 0) {
                index++;
            }
        }
        List<String> out = new ArrayList<>();
        for (AbstractInsnNode n : m.instructions) {
            if (n.getOpcode() >= 0) {
                out.add(text(n, labels, host, copyName));
            }
        }
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            out.add("try " + labels.get(t.start) + "-" + labels.get(t.end) + " -> " + labels.get(t.handler) + " " + t.type);
        }
        return out;
    }

    private static String text(AbstractInsnNode n, Map<LabelNode, Integer> labels, String host, String copyName) {
        int op = n.getOpcode();
        if (n instanceof MethodInsnNode mi) {
            boolean hostCall = mi.owner.equals(host) || mi.owner.equals(copyName);
            if (hostCall && !"<init>".equals(mi.name)) {
                /* the renaming: host.m(desc) by any invoke == copy.m(receiver-first desc) by invokestatic */
                return "call host." + mi.name + " " + Type.getReturnType(mi.desc) + " " + tail(mi, host, copyName);
            }
            return op + " " + mi.owner + "." + mi.name + mi.desc;
        }
        if (n instanceof InvokeDynamicInsnNode indy) {
            StringBuilder sb = new StringBuilder("indy " + indy.name + indy.desc);
            for (Object arg : indy.bsmArgs) {
                sb.append(' ').append(arg instanceof Handle h ? handle(h, host, copyName) : String.valueOf(arg));
            }
            return sb.toString();
        }
        if (n instanceof LdcInsnNode ldc) {
            return "ldc " + (ldc.cst instanceof Handle h ? handle(h, host, copyName) : ldc.cst.getClass().getSimpleName() + ":" + ldc.cst);
        }
        if (n instanceof JumpInsnNode j) {
            return op + " L" + labels.get(j.label);
        }
        if (n instanceof VarInsnNode v) {
            return op + " " + v.var;
        }
        if (n instanceof IincInsnNode i) {
            return "iinc " + i.var + " " + i.incr;
        }
        if (n instanceof IntInsnNode i) {
            return op + " " + i.operand;
        }
        if (n instanceof TypeInsnNode t) {
            return op + " " + t.desc;
        }
        if (n instanceof FieldInsnNode f) {
            return op + " " + f.owner + "." + f.name + ":" + f.desc;
        }
        if (n instanceof MultiANewArrayInsnNode a) {
            return op + " " + a.desc + " " + a.dims;
        }
        if (n instanceof TableSwitchInsnNode t) {
            StringBuilder sb = new StringBuilder("tableswitch " + t.min + ".." + t.max + " default L" + labels.get(t.dflt));
            t.labels.forEach(l -> sb.append(" L").append(labels.get(l)));
            return sb.toString();
        }
        if (n instanceof LookupSwitchInsnNode t) {
            StringBuilder sb = new StringBuilder("lookupswitch " + t.keys + " default L" + labels.get(t.dflt));
            t.labels.forEach(l -> sb.append(" L").append(labels.get(l)));
            return sb.toString();
        }
        if (n instanceof InsnNode) {
            return String.valueOf(op);
        }
        return n.getClass().getSimpleName() + " " + op;
    }

    /* The argument types as the host declares them: a call into the copy carries the receiver first. */
    private static String tail(MethodInsnNode mi, String host, String copyName) {
        Type[] args = Type.getArgumentTypes(mi.desc);
        boolean receiverFirst = mi.owner.equals(copyName) || mi.getOpcode() != Opcodes.INVOKESTATIC;
        StringBuilder sb = new StringBuilder(receiverFirst && !mi.owner.equals(copyName) ? "L" + host + ";" : "");
        for (Type t : args) {
            sb.append(t.getDescriptor());
        }
        return sb.toString();
    }

    private static String handle(Handle h, String host, String copyName) {
        if (h.getOwner().equals(host) || h.getOwner().equals(copyName)) {
            String desc = h.getDesc();
            boolean receiver = h.getTag() != Opcodes.H_INVOKESTATIC && h.getTag() != Opcodes.H_NEWINVOKESPECIAL;
            String args = desc.substring(1, desc.indexOf(')'));
            return "handle host." + h.getName() + " (" + (receiver ? "L" + host + ";" : "") + args + ")" + Type.getReturnType(desc);
        }
        return "handle " + h.getTag() + " " + h.getOwner() + "." + h.getName() + h.getDesc();
    }
}
