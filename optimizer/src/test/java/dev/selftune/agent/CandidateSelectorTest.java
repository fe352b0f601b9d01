package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

class CandidateSelectorTest {

    static ClassNode node(String name) throws Exception {
        ClassNode cn = new ClassNode();
        new ClassReader(Files.readAllBytes(Path.of(ChildJvm.testClasses(), name.replace('.', '/') + ".class"))).accept(cn, 0);
        return cn;
    }

    static MethodNode method(ClassNode cn, String name) {
        return cn.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    @Test
    void agentRule_constructorAndLambda_skippedWithReason() throws Exception {
        ClassNode hot = node("dev.selftune.agent.apps.HotApp");
        assertTrue(CandidateSelector.agentRule(method(hot, "<init>")).contains("constructors"));
        assertTrue(CandidateSelector.agentRule(method(hot, "lambda$main$0")).contains("synthetic"));
        assertNull(CandidateSelector.agentRule(method(hot, "mix")));
    }
}
