package dev.selftune.generate.transform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;

/**
 * Whether a field an instruction names is volatile: looked up in the class being tuned, else in the
 * class files the generator can read, following superclasses as field resolution does (JVMS 5.4.3.2;
 * interfaces hold only final statics). Unknown when a class file on the way cannot be read.
 */
public final class FieldFlags {
    private FieldFlags() { }

    public enum Volatility { PLAIN, VOLATILE, UNKNOWN }

    public static Volatility of(ClassNode owner, FieldInsnNode f, Function<String, InputStream> resources) {
        String name = f.owner;
        for (int depth = 0; name != null && depth < 32; depth++) {
            ClassNode cn = name.equals(owner.name) ? owner : read(name, resources);
            if (cn == null) {
                return Volatility.UNKNOWN;
            }
            for (FieldNode field : cn.fields) {
                if (field.name.equals(f.name) && field.desc.equals(f.desc)) {
                    return (field.access & Opcodes.ACC_VOLATILE) != 0 ? Volatility.VOLATILE : Volatility.PLAIN;
                }
            }
            name = cn.superName;
        }
        return Volatility.UNKNOWN;
    }

    /*
     * Field tables read through one resource function, by internal name (an unreadable class as a node with no
     * fields and no superclass is not cached: it is looked up again). The generator asks for the same owners on
     * every candidate it analyses (each reads a fresh copy of the class, and bound hoisting checks every field a
     * loop touches); the function is the key, so a class path's answers never serve another's, and it is held
     * weakly, so the entries go with the generator that made it.
     */
    private static final Map<Function<String, InputStream>, Map<String, ClassNode>> CACHE =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static ClassNode read(String internalName, Function<String, InputStream> resources) {
        if (resources == null) {
            return null;
        }
        Map<String, ClassNode> mine = CACHE.computeIfAbsent(resources, k -> new java.util.concurrent.ConcurrentHashMap<>());
        ClassNode known = mine.get(internalName);
        if (known != null) {
            return known;
        }
        ClassNode cn = readNow(internalName, resources);
        if (cn != null && mine.size() < MAX_CACHED) {
            mine.put(internalName, cn);
        }
        return cn;
    }

    private static final int MAX_CACHED = 512;

    private static ClassNode readNow(String internalName, Function<String, InputStream> resources) {
        try (InputStream in = resources.apply(internalName)) {
            if (in == null) {
                return null;
            }
            ClassNode cn = new ClassNode();
            new ClassReader(in.readAllBytes()).accept(cn, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return cn;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
