package dev.selftune.install;

import dev.selftune.generate.ClassBytes;
import dev.selftune.generate.MethodText;
import dev.selftune.target.ClassVersion;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/** Small helpers over ASM trees: parsing, method lookup by name and descriptor, body comparison. */
final class MethodBodies {
    private MethodBodies() { }

    /**
     * Parses class bytes with expanded frames, so frames can be copied into another class unchanged;
     * a class before 51 has JSR subroutines inlined instead (its copies get frames computed).
     */
    static ClassNode parse(byte[] bytes) {
        if (ClassVersion.major(bytes) < ClassVersion.TYPE_CHECKED) {
            return ClassBytes.read(bytes);
        }
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.EXPAND_FRAMES);
        return node;
    }

    static String key(String name, String desc) {
        return name + desc;
    }

    static Map<String, MethodNode> methods(ClassNode node) {
        Map<String, MethodNode> map = new HashMap<>();
        for (MethodNode m : node.methods) {
            map.put(key(m.name, m.desc), m);
        }
        return map;
    }

    static MethodNode find(ClassNode node, String name, String desc) {
        for (MethodNode m : node.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                return m;
            }
        }
        return null;
    }

    static boolean hasField(ClassNode node, String name, String desc) {
        for (FieldNode f : node.fields) {
            if (f.name.equals(name) && f.desc.equals(desc)) {
                return true;
            }
        }
        return false;
    }

    /** Whether two methods have the same access, instructions, handlers and debug info, label names aside. */
    static boolean same(MethodNode a, MethodNode b) {
        return MethodText.same(a, b);
    }
}
