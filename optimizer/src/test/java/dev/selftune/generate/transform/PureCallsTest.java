package dev.selftune.generate.transform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.generate.ClassBytes;
import dev.selftune.generate.specimens.Invariants;
import dev.selftune.generate.specimens.Loops;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;

class PureCallsTest {
    private static ClassNode read(Class<?> c) {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return ClassBytes.read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MethodInsnNode call(String owner, String name, String desc) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, owner, name, desc, false);
    }

    @Test
    void isKnownPure_mathAndBitOps_pureButRandomAndParsingAreNot() {
        assertTrue(PureCalls.isKnownPure(call("java/lang/Math", "exp", "(D)D")));
        assertTrue(PureCalls.isKnownPure(call("java/lang/Double", "doubleToRawLongBits", "(D)J")));
        assertTrue(PureCalls.isKnownPure(call("java/lang/Integer", "bitCount", "(I)I")));
        assertFalse(PureCalls.isKnownPure(call("java/lang/Math", "random", "()D")));
        assertFalse(PureCalls.isKnownPure(call("java/lang/Integer", "parseInt", "(Ljava/lang/String;)I")));
        assertFalse(PureCalls.isKnownPure(call("java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;")));
        assertFalse(PureCalls.isKnownPure(call("java/lang/System", "nanoTime", "()J")));
    }

    @Test
    void whyNotPure_branchyMathHelper_isPure() {
        assertNull(PureCalls.whyNotPure(read(Invariants.class), "scale", "(D)D"));
        assertNull(PureCalls.whyNotPure(read(Loops.class), "mix", "(I)I"));
    }

    @Test
    void whyNotPure_fieldWriteOrLoop_saysWhich() {
        String writes = PureCalls.whyNotPure(read(Invariants.class), "record", "(I)V");
        assertTrue(writes.contains("does not return a primitive") || writes.contains("field"), writes);
        String loops = PureCalls.whyNotPure(read(Loops.class), "helperSum", "([I)I");
        assertTrue(loops.contains("array element") || loops.contains("loops"), loops);
        assertTrue(PureCalls.whyNotPure(read(Loops.class), "noSuchMethod", "()I").contains("not a static method"));
    }
}
