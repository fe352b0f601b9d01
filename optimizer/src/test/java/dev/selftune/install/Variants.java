package dev.selftune.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/** Makes variant class bytes the way a tuner would hand them over: the whole class, one method changed. */
final class Variants {
    private Variants() { }

    static byte[] bytesOf(Class<?> c) {
        try (InputStream in = c.getClassLoader().getResourceAsStream(c.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code source}'s bytes renamed to {@code target}: every reference to the source class becomes the target. */
    static byte[] renamed(Class<?> source, Class<?> target) {
        ClassWriter w = new ClassWriter(0);
        new ClassReader(bytesOf(source)).accept(new ClassRemapper(w, new SimpleRemapper(
                source.getName().replace('.', '/'), target.getName().replace('.', '/'))), 0);
        return w.toByteArray();
    }

    /** {@code c}'s bytes with every int constant {@code from} in {@code method} replaced by {@code to}. */
    static byte[] withConstant(Class<?> c, String method, int from, int to) {
        ClassReader r = new ClassReader(bytesOf(c));
        ClassWriter w = new ClassWriter(r, 0);
        r.accept(new ClassVisitor(Opcodes.ASM9, w) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                MethodVisitor mv = super.visitMethod(access, name, desc, sig, ex);
                return !name.equals(method) ? mv : new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5 && opcode - Opcodes.ICONST_0 == from) {
                            super.visitIntInsn(Opcodes.BIPUSH, to);
                        } else {
                            super.visitInsn(opcode);
                        }
                    }

                    @Override
                    public void visitIntInsn(int opcode, int operand) {
                        super.visitIntInsn(opcode, opcode == Opcodes.BIPUSH && operand == from ? to : operand);
                    }
                };
            }
        }, 0);
        return w.toByteArray();
    }
}
