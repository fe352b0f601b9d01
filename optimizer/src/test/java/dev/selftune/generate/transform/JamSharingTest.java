package dev.selftune.generate.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.generate.LocalNames;
import dev.selftune.generate.jamspecimens.RowMatrices;
import dev.selftune.generate.jamspecimens.SharedIndexShapes;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Which privates of a jammed nest the copies share with copy 0, and with which offset per copy. */
class JamSharingTest {

    private static Map<String, Integer> shared(Class<?> c, String name) throws IOException {
        ClassNode owner = new ClassNode();
        try (InputStream in = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
            new ClassReader(in.readAllBytes()).accept(owner, 0);
        }
        MethodNode m = owner.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();
        SingleInnerNests nests = SingleInnerNests.analyse(owner, m, "jammed", (outer, inner, frames) -> JamPlan.analyse(m, outer, inner, frames));
        JamPlan plan = nests.byLoop().values().stream().filter(JamPlan.class::isInstance).map(JamPlan.class::cast).findFirst().orElseThrow();
        Map<String, Integer> out = new TreeMap<>();
        plan.sharing().coefficient().forEach((slot, k) -> out.put(LocalNames.describe(m, slot), k));
        return out;
    }

    @Test
    void jamSharing_ejmlShapedMult_indexAAndEndSharedIndexBOffsetByCopy() throws IOException {
        Map<String, Integer> s = shared(RowMatrices.class, "multSmall");
        assertEquals(3, s.size(), s.toString());
        assertTrue(s.entrySet().stream().anyMatch(e -> e.getKey().contains("indexA") && e.getValue() == 0), s.toString());
        assertTrue(s.entrySet().stream().anyMatch(e -> e.getKey().contains("indexB") && e.getValue() == 1), s.toString());
        assertTrue(s.entrySet().stream().anyMatch(e -> e.getKey().contains("end") && e.getValue() == 0), s.toString());
    }

    @Test
    void jamSharing_accumulatorAndIndexReadAfterItsStep_notShared() throws IOException {
        Map<String, Integer> s = shared(SharedIndexShapes.class, "readAfterStep");
        assertTrue(s.keySet().stream().noneMatch(k -> k.contains("total")), s.toString());
        assertTrue(s.keySet().stream().noneMatch(k -> k.contains("ia")), "ia is read after its step: " + s);
        assertTrue(s.keySet().stream().anyMatch(k -> k.contains("ib")), s.toString());
    }

    @Test
    void jamSharing_indexScaledFromJ_coefficientIsTheScale() throws IOException {
        Map<String, Integer> s = shared(SharedIndexShapes.class, "scaledIndex");
        assertTrue(s.entrySet().stream().anyMatch(e -> e.getKey().contains("ib") && e.getValue() == 3), s.toString());
    }
}
