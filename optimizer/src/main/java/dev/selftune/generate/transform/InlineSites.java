package dev.selftune.generate.transform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import dev.selftune.generate.UnitRouting;

/**
 * The call sites {@link Inline} may inline in a method: calls inside a loop (a backward jump spans
 * them) to a method of the same class whose code is the code in these bytes (static, private, final,
 * or of a final class), that is not native, abstract, synchronized or recursive, has no more than the
 * policy's {@code maxCopiedInsns} instructions, and is larger than C2's always-inline size. Sites C2
 * refuses at a hot call (callee over FreqInlineSize) come first. Reasons for refused sites go to
 * {@code why}, keyed by the callee.
 */
final class InlineSites {
    /** A call to inline, its callee and the callee's size in bytes. */
    /** A call that can be inlined, its callee, the callee's size, and the caller's frame at the call (what inline spills). */
    record Site(MethodInsnNode call, MethodNode callee, int bytes, Frame<BasicValue> at) { }

    private InlineSites() { }

    static List<Site> sites(ClassNode owner, MethodNode method, int maxInsns, Map<String, String> why) {
        List<Site> out = new ArrayList<>();
        if (method.name.startsWith("<")) {
            why.put(method.name, "inline does not rewrite constructors or class initialisers");
            return out;
        }
        int callerBytes = CodeSize.of(method);
        List<MethodInsnNode> calls = loopCalls(owner, method);
        Frame<BasicValue>[] frames = calls.isEmpty() ? null : InlineCode.frames(owner, method);
        for (MethodInsnNode call : calls) {
            String key = UnitRouting.originalName(call.name) + call.desc;
            MethodNode callee = resolve(owner, call);
            String reason = callee == null ? "the call to " + key + " can be overridden or names no method of "
                    + owner.name + " (only static, private, final or final-class callees are inlined)"
                    : refusal(owner, method, callee, key, maxInsns, callerBytes);
            if (reason == null) {
                reason = InlineCode.refusal(owner, method, frames, call, callee);
            }
            if (reason != null) {
                why.putIfAbsent(key, reason);
            } else {
                out.add(new Site(call, callee, CodeSize.of(callee), frames[method.instructions.indexOf(call)]));
            }
        }
        // Stable: within each group, instruction order.
        out.sort(Comparator.comparing(s -> s.bytes() <= CodeSize.FREQ_INLINE_SIZE));
        return out;
    }

    /** Calls into {@code owner} (constructors left out) that lie between a backward jump and its target. */
    static List<MethodInsnNode> loopCalls(ClassNode owner, MethodNode method) {
        return loopCalls(method, call -> call.owner.equals(owner.name) && !call.name.startsWith("<"));
    }

    /** The calls {@code which} accepts that lie between a backward jump and its target (any loop shape). */
    static List<MethodInsnNode> loopCalls(MethodNode method, java.util.function.Predicate<MethodInsnNode> which) {
        List<int[]> loops = new ArrayList<>();
        for (AbstractInsnNode n : method.instructions) {
            if (n instanceof JumpInsnNode j) {
                int from = method.instructions.indexOf(j);
                int to = method.instructions.indexOf(j.label);
                if (to < from) {
                    loops.add(new int[] {to, from});
                }
            }
        }
        List<MethodInsnNode> out = new ArrayList<>();
        for (AbstractInsnNode n : method.instructions) {
            if (n instanceof MethodInsnNode call && which.test(call)) {
                int at = method.instructions.indexOf(n);
                if (loops.stream().anyMatch(l -> l[0] <= at && at <= l[1])) {
                    out.add(call);
                }
            }
        }
        return out;
    }

    /** The method {@code call} runs for certain, or null when it may be an override (or is not in the class). */
    static MethodNode resolve(ClassNode owner, MethodInsnNode call) {
        MethodNode m = find(owner, call.name, call.desc);
        if (m == null || m.name.startsWith("<")) {
            return null;
        }
        boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
        boolean fixed = (m.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) != 0
                || (owner.access & Opcodes.ACC_FINAL) != 0;
        return switch (call.getOpcode()) {
            case Opcodes.INVOKESTATIC -> isStatic ? m : null;
            case Opcodes.INVOKESPECIAL -> !isStatic && (m.access & Opcodes.ACC_PRIVATE) != 0 ? m : null;
            case Opcodes.INVOKEVIRTUAL -> !isStatic && fixed && (owner.access & Opcodes.ACC_INTERFACE) == 0 ? m : null;
            default -> null;
        };
    }

    private static String refusal(ClassNode owner, MethodNode caller, MethodNode callee, String key, int maxInsns,
                                  int callerBytes) {
        if ((callee.access & (Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) != 0) {
            return "callee " + key + " is " + ((callee.access & Opcodes.ACC_NATIVE) != 0 ? "native" : "abstract")
                    + ": it has no bytecode to copy";
        }
        if ((callee.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            return "callee " + key + " is synchronized: inlining would drop its monitor";
        }
        if ((callee.access & Opcodes.ACC_STRICT) != (caller.access & Opcodes.ACC_STRICT)) {
            return "callee " + key + " and the caller differ in strictfp: copied arithmetic could round differently";
        }
        if (recursive(owner, callee)) {
            return "callee " + key + " is recursive: inlining one level leaves the call and only grows the caller";
        }
        int insns = CodeSize.insns(callee);
        if (insns > maxInsns) {
            return "callee " + key + " has " + insns + " instructions, over the policy's maxCopiedInsns " + maxInsns;
        }
        int bytes = CodeSize.of(callee);
        if (bytes <= CodeSize.MAX_INLINE_SIZE) {
            return "callee " + key + " is " + bytes + " bytes, C2 inlines it already (MaxInlineSize "
                    + CodeSize.MAX_INLINE_SIZE + ")";
        }
        int grown = callerBytes + bytes + InlineCode.overhead(callee);
        if (grown >= CodeSize.HUGE_METHOD_LIMIT) {
            return "inlining " + key + " (" + bytes + " bytes) would make " + caller.name + " about " + grown
                    + " bytes, not below HotSpot's HugeMethodLimit " + CodeSize.HUGE_METHOD_LIMIT
                    + " (a larger method is not compiled at all)";
        }
        return null;
    }

    /** True when {@code callee} reaches itself through calls into its own class. */
    private static boolean recursive(ClassNode owner, MethodNode callee) {
        Set<MethodNode> seen = new HashSet<>();
        ArrayDeque<MethodNode> todo = new ArrayDeque<>(List.of(callee));
        while (!todo.isEmpty()) {
            MethodNode m = todo.pop();
            for (AbstractInsnNode n : m.instructions) {
                if (n instanceof MethodInsnNode c && c.owner.equals(owner.name)) {
                    MethodNode next = find(owner, c.name, c.desc);
                    if (next == callee) {
                        return true;
                    }
                    if (next != null && seen.add(next)) {
                        todo.add(next);
                    }
                }
            }
        }
        return false;
    }

    private static MethodNode find(ClassNode owner, String name, String desc) {
        for (MethodNode m : owner.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                return m;
            }
        }
        return null;
    }

    /** Stack entries the call takes: its arguments and, for an instance call, the receiver. */
    static int entries(MethodInsnNode call) {
        return Type.getArgumentTypes(call.desc).length + (call.getOpcode() == Opcodes.INVOKESTATIC ? 0 : 1);
    }
}
