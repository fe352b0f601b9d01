package dev.selftune.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import java.lang.instrument.ClassDefinition;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Someone else (an IDE's HotSwap, a debugger through JDWP) redefines a class while a variant is active. */
class RedefinitionTest {
    static final class Edited {
        static int scale(int x) {
            return x * 3 + 1;
        }
    }

    static final class Reloaded {
        static int scale(int x) {
            return x * 3 + 1;
        }
    }

    static final class Probed {
        static int scale(int x) {
            return x * 3 + 1;
        }
    }

    private final Agents.LoggedSwapper logged = new Agents.LoggedSwapper();
    private final HotSwapper swapper = logged.swapper;
    private final List<String> dropped = new CopyOnWriteArrayList<>();

    RedefinitionTest() {
        swapper.setListener(new SwapListener() {
            @Override
            public void exceptionCrossed(MethodRef method, String variantId, Throwable thrown) { }

            @Override
            public void variantDropped(MethodRef method, String variantId, String reason) {
                dropped.add(method.name() + ":" + variantId + ":" + reason);
            }
        });
    }

    @Test
    void redefineClasses_changedBodyWhileVariantActive_rollsBackToTheNewBodyAndTellsTheListener() throws Exception {
        MethodRef m = new MethodRef(Edited.class.getName(), "scale", "(I)I");
        swapper.prepare(Edited.class, m);
        swapper.swap(m, "x5", Variants.withConstant(Edited.class, "scale", 3, 5));
        assertEquals(26, Edited.scale(5));
        Agents.INST.redefineClasses(new ClassDefinition(Edited.class, Variants.withConstant(Edited.class, "scale", 3, 4)));
        assertEquals(21, Edited.scale(5), "the developer's new body runs, not the variant made from the old one");
        assertEquals(HotSwapper.ORIGINAL, swapper.active(m));
        assertEquals(1, dropped.size());
        assertTrue(dropped.get(0).startsWith("scale:x5:the class was redefined"), dropped.get(0));
        assertEquals(1, logged.count("its class was redefined with a different body"));
    }

    @Test
    void redefineClasses_sameBodyWhileVariantActive_keepsTheVariant() throws Exception {
        MethodRef m = new MethodRef(Reloaded.class.getName(), "scale", "(I)I");
        swapper.prepare(Reloaded.class, m);
        swapper.swap(m, "x5", Variants.withConstant(Reloaded.class, "scale", 3, 5));
        Agents.INST.redefineClasses(new ClassDefinition(Reloaded.class, Variants.bytesOf(Reloaded.class)));
        assertEquals(26, Reloaded.scale(5));
        assertEquals("x5", swapper.active(m));
        assertTrue(dropped.isEmpty());
    }

    @Test
    void retransformClasses_anotherAgentChangesTheBodyWhileVariantActive_keepsTheVariant() throws Exception {
        MethodRef m = new MethodRef(Probed.class.getName(), "scale", "(I)I");
        java.util.concurrent.atomic.AtomicBoolean on = new java.util.concurrent.atomic.AtomicBoolean();
        java.lang.instrument.ClassFileTransformer other = new java.lang.instrument.ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                    java.security.ProtectionDomain pd, byte[] bytes) {
                return redefined == Probed.class && on.get() ? Variants.withConstant(Probed.class, "scale", 3, 6) : null;
            }
        };
        Agents.INST.addTransformer(other, true);   // before the swapper's: it sees this agent's output
        try {
            swapper.prepare(Probed.class, m);
            swapper.swap(m, "x5", Variants.withConstant(Probed.class, "scale", 3, 5));
            on.set(true);
            Agents.INST.retransformClasses(Probed.class);
            assertEquals(26, Probed.scale(5));
            assertEquals("x5", swapper.active(m));
            assertTrue(dropped.isEmpty());
            swapper.rollback(m);
            assertEquals(31, Probed.scale(5), "the fallback is the other agent's refreshed body");
        } finally {
            Agents.INST.removeTransformer(other);
        }
    }
}
