package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.install.HotSwapper;
import dev.selftune.install.InstallException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The real swap path of self-tuning: HotSwapper, once permitted, swaps a winner into one of selftune's
 * own main classes in this JVM (a trampoline, a hidden copy) and rolls it back; plain HotSwapper and
 * the swapping machinery itself stay refused.
 */
class SelfSwapTest {
    static final Instrumentation INST = ByteBuddyAgent.install();
    /** A tiny static method of a main (not test) class outside the plumbing: search.SizeChoice#forksNeeded = 2n + 1. */
    static final String OWNER = "dev.selftune.search.SizeChoice";
    static final MethodRef FORKS = new MethodRef(OWNER, "forksNeeded", "(I)I");

    static int forksNeeded(Class<?> c, int n) throws Exception {
        Method m = c.getDeclaredMethod("forksNeeded", int.class);
        m.setAccessible(true);
        return (int) m.invoke(null, n);
    }

    /** The whole class with forksNeeded returning n + 77 instead. */
    static byte[] winner() throws Exception {
        ClassNode cn = new ClassNode();
        try (InputStream in = SelfSwapTest.class.getClassLoader().getResourceAsStream(OWNER.replace('.', '/') + ".class")) {
            new ClassReader(in.readAllBytes()).accept(cn, 0);
        }
        MethodNode mn = cn.methods.stream().filter(x -> x.name.equals("forksNeeded")).findFirst().orElseThrow();
        mn.instructions.clear();
        mn.tryCatchBlocks.clear();
        mn.localVariables = null;
        mn.instructions.add(new VarInsnNode(Opcodes.ILOAD, 0));
        mn.instructions.add(new IntInsnNode(Opcodes.BIPUSH, 77));
        mn.instructions.add(new InsnNode(Opcodes.IADD));
        mn.instructions.add(new InsnNode(Opcodes.IRETURN));
        mn.maxStack = 2;
        ClassWriter cw = new ClassWriter(0);
        cn.accept(cw);
        return cw.toByteArray();
    }

    @Test
    void swapping_ownMainClass_winnerRunsInThisJvmAndRollsBack() throws Exception {
        Class<?> owner = Class.forName(OWNER);
        assertEquals(7, forksNeeded(owner, 3));
        List<String> log = new ArrayList<>();
        SelfTuneSeams.Swapping s = SelfTuneParts.swapping(INST, log::add);
        try {
            s.swap(owner, FORKS, "v9", winner());
            assertEquals(80, forksNeeded(owner, 3), "the winner runs in this JVM");
        } finally {
            s.rollback(owner, FORKS);
        }
        assertEquals(7, forksNeeded(owner, 3), "rolled back to the original");
        assertTrue(log.stream().allMatch(l -> l.startsWith("self-tuning swap: ")), log.toString());
    }

    @Test
    void hotSwapper_withoutPermission_refusesOwnClasses() throws Exception {
        HotSwapper plain = new HotSwapper(INST, l -> { });
        InstallException e = assertThrows(InstallException.class, () -> plain.prepare(Class.forName(OWNER), FORKS));
        assertTrue(e.getMessage().contains("selftune's own classes are never touched"), e.getMessage());
    }

    @Test
    void swapping_theSwapMachineryItself_refusedEvenWhenPermitted() {
        SelfTuneSeams.Swapping s = SelfTuneParts.swapping(INST, l -> { });
        MethodRef m = new MethodRef(HotSwapper.class.getName(), "settle", "(Ldev/selftune/api/MethodRef;)V");
        InstallException e = assertThrows(InstallException.class, () -> s.swap(HotSwapper.class, m, "v1", new byte[] {1}));
        assertTrue(e.getMessage().contains("never swapped, not even by self-tuning"), e.getMessage());
    }
}
