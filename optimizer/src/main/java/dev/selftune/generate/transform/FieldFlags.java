package dev.selftune.generate.transform;

import java.io.IOException;
import java.io.InputStream;
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

    private static ClassNode read(String internalName, Function<String, InputStream> resources) {
        if (resources == null) {
            return null;
        }
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
