package dev.selftune.generate.transform;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Bytecode sizes in bytes, as HotSpot's inlining and compilation limits count them, estimated from
 * the tree without writing the class. The estimate never falls below what ASM writes: a local
 * access past slot 255 counts its {@code wide} form, a switch counts its largest padding, a jump
 * counts 3 bytes (ASM widens only jumps of more than 32 KB, which no method under the 8000-byte
 * limit has), an {@code ldc} counts {@code ldc_w}.
 */
final class CodeSize {
    /** C2 inlines a callee up to this size at any call site (-XX:MaxInlineSize). */
    static final int MAX_INLINE_SIZE = 35;
    /** C2 inlines a callee up to this size at a hot call site (-XX:FreqInlineSize, x86-64). */
    static final int FREQ_INLINE_SIZE = 325;
    /** HotSpot compiles no method above this size (-XX:+DontCompileHugeMethods, HugeMethodLimit). */
    static final int HUGE_METHOD_LIMIT = 8000;
    /** C2 inlines at most this many calls deep (-XX:MaxInlineLevel, JDK 14 and later). */
    static final int MAX_INLINE_LEVEL = 15;

    private CodeSize() { }

    static int of(MethodNode m) {
        int size = 0;
        for (AbstractInsnNode n : m.instructions) {
            size += of(n);
        }
        return size;
    }

    static int of(AbstractInsnNode n) {
        int op = n.getOpcode();
        if (op < 0) {
            return 0;
        }
        if (n instanceof VarInsnNode v) {
            return v.var < 4 && op != Opcodes.RET ? 1 : v.var < 256 ? 2 : 4;
        }
        if (n instanceof IincInsnNode i) {
            return i.var < 256 && i.incr >= Byte.MIN_VALUE && i.incr <= Byte.MAX_VALUE ? 3 : 6;
        }
        if (n instanceof IntInsnNode) {
            return op == Opcodes.SIPUSH ? 3 : 2;
        }
        if (n instanceof TableSwitchInsnNode t) {
            return 1 + 3 + 12 + 4 * t.labels.size();
        }
        if (n instanceof LookupSwitchInsnNode l) {
            return 1 + 3 + 8 + 8 * l.labels.size();
        }
        if (n instanceof MethodInsnNode) {
            return op == Opcodes.INVOKEINTERFACE ? 5 : 3;
        }
        return switch (n.getType()) {
            case AbstractInsnNode.INSN -> 1;
            case AbstractInsnNode.INVOKE_DYNAMIC_INSN -> 5;
            case AbstractInsnNode.MULTIANEWARRAY_INSN -> 4;
            default -> 3; // field, type, jump, ldc
        };
    }

    /** Real instructions (labels, line numbers and frames left out). */
    static int insns(MethodNode m) {
        int n = 0;
        for (AbstractInsnNode i : m.instructions) {
            n += i.getOpcode() >= 0 ? 1 : 0;
        }
        return n;
    }

    /** The first local slot no instruction, parameter or {@code maxLocals} of {@code m} uses. */
    static int firstFreeLocal(MethodNode m) {
        int free = Math.max(m.maxLocals, org.objectweb.asm.Type.getArgumentsAndReturnSizes(m.desc) >> 2);
        for (AbstractInsnNode n : m.instructions) {
            if (n instanceof VarInsnNode v) {
                boolean wide = op2(v.getOpcode());
                free = Math.max(free, v.var + (wide ? 2 : 1));
            } else if (n instanceof IincInsnNode i) {
                free = Math.max(free, i.var + 1);
            }
        }
        return free;
    }

    private static boolean op2(int op) {
        return op == Opcodes.LLOAD || op == Opcodes.DLOAD || op == Opcodes.LSTORE || op == Opcodes.DSTORE;
    }
}
