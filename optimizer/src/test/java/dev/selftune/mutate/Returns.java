package dev.selftune.mutate;

import static org.objectweb.asm.Opcodes.*;

import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/** Return-value operators: PIT's primitive, true, false, null and empty returns, and "return an argument instead". */
final class Returns {
    private Returns() { }

    static void edits(List<Edit> out, MethodNode m, int i, Frame<BasicValue> f) {
        Type r = Type.getReturnType(m.desc);
        String id = m.name + m.desc;
        switch (r.getSort()) {
            case Type.BOOLEAN -> {
                out.add(replace("true-returns", id, i, "return true", r, new InsnNode(ICONST_1)));
                out.add(replace("false-returns", id, i, "return false", r, new InsnNode(ICONST_0)));
            }
            case Type.OBJECT, Type.ARRAY -> {
                out.add(replace("null-returns", id, i, "return null", r, new InsnNode(ACONST_NULL)));
                if (r.getSort() == Type.ARRAY || r.getDescriptor().equals("Ljava/lang/String;")) {
                    out.add(new Edit("empty-returns", id, i, "return an empty " + r.getClassName(), mm -> {
                        AbstractInsnNode[] empty = empty(r);
                        AbstractInsnNode[] all = new AbstractInsnNode[empty.length + 1];
                        all[0] = new InsnNode(POP);
                        System.arraycopy(empty, 0, all, 1, empty.length);
                        Operators.before(mm, i, all);
                    }));
                }
            }
            default -> out.add(replace("primitive-returns", id, i, "return 0", r, Opcodes2.zero(r)));
        }
        int slot = (m.access & ACC_STATIC) != 0 ? 0 : 1;
        for (Type p : Type.getArgumentTypes(m.desc)) {
            BasicValue v = f.getLocal(slot);
            if (v != null && v.getType() != null && compatible(p, r) && compatible(v.getType(), r)) {
                int s = slot;
                out.add(replace("return-argument", id, i, "return local " + s + " (a parameter)", r,
                        new VarInsnNode(p.getOpcode(ILOAD), s)));
            }
            slot += p.getSize();
        }
    }

    private static boolean compatible(Type a, Type r) {
        boolean intA = a.getSort() >= Type.BOOLEAN && a.getSort() <= Type.INT;
        boolean intR = r.getSort() >= Type.BOOLEAN && r.getSort() <= Type.INT;
        return intA && intR ? a.getSort() == r.getSort() || r.getSort() == Type.INT : a.equals(r);
    }

    private static Edit replace(String op, String id, int i, String detail, Type r, AbstractInsnNode push) {
        return new Edit(op, id, i, detail, mm -> Operators.before(mm, i, Opcodes2.pop(r), cloneOf(push)));
    }

    private static AbstractInsnNode cloneOf(AbstractInsnNode n) {
        return n.clone(java.util.Map.of());
    }

    private static AbstractInsnNode[] empty(Type r) {
        if (r.getSort() == Type.OBJECT) {
            return new AbstractInsnNode[] {new LdcInsnNode("")};
        }
        Type e = r.getElementType();
        if (r.getDimensions() == 1 && e.getSort() != Type.OBJECT) {
            int t = switch (e.getSort()) {
                case Type.BOOLEAN -> T_BOOLEAN;
                case Type.CHAR -> T_CHAR;
                case Type.BYTE -> T_BYTE;
                case Type.SHORT -> T_SHORT;
                case Type.INT -> T_INT;
                case Type.LONG -> T_LONG;
                case Type.FLOAT -> T_FLOAT;
                default -> T_DOUBLE;
            };
            return new AbstractInsnNode[] {new InsnNode(ICONST_0), new IntInsnNode(NEWARRAY, t)};
        }
        String component = r.getDescriptor().substring(1);
        String internal = component.startsWith("[") ? component : Type.getType(component).getInternalName();
        return new AbstractInsnNode[] {new InsnNode(ICONST_0), new TypeInsnNode(ANEWARRAY, internal)};
    }
}
