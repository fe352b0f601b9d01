package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void parse_allOptions_readsEach() {
        AgentOptions o = AgentOptions.parse("include=com.acme.**;org.x.*,exclude=com.acme.gen.**,budget=2m,max-methods=5,"
                + "wisdom=/tmp/w.json,events=/tmp/e.jsonl,mode=advise,warmup=500ms");
        assertEquals(List.of("com.acme.**", "org.x.*"), o.classes().includes());
        assertEquals(Duration.ofMinutes(2), o.budget());
        assertEquals(5, o.maxMethods());
        assertEquals(Path.of("/tmp/w.json"), o.wisdom());
        assertEquals(Path.of("/tmp/e.jsonl"), o.events());
        assertEquals(AgentOptions.Mode.ADVISE, o.mode());
        assertEquals(Duration.ofMillis(500), o.warmup());
        assertFalse(o.rollback());
    }

    @Test
    void parse_defaults_matchTheIssue() {
        AgentOptions o = AgentOptions.parse("include=com.acme.**");
        assertEquals(Duration.ofSeconds(120), o.budget());
        assertEquals(3, o.maxMethods());
        assertEquals(AgentOptions.Mode.SWAP, o.mode());
    }

    @Test
    void parse_rollbackAlone_needsNoInclude() {
        assertTrue(AgentOptions.parse("rollback").rollback());
    }

    @Test
    void parse_missingInclude_namesOptionRuleAndFix() {
        AgentOptionException e = assertThrows(AgentOptionException.class, () -> AgentOptions.parse("budget=10s"));
        assertEquals("include", e.option());
        assertTrue(e.getMessage().contains("is required"), e.getMessage());
        assertTrue(e.fix().contains("include=<your package>.**"), e.fix());
    }

    @Test
    void parse_badValues_eachNamedWithAFix() {
        for (String bad : List.of("include=a.**,budget=fast", "include=a.**,max-methods=0", "include=a.**,mode=yolo",
                "include=a.**,colour=red", "include=java.**", "include=com/acme/Foo", "include=a.**,budget=1ms")) {
            AgentOptionException e = assertThrows(AgentOptionException.class, () -> AgentOptions.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("option '"), e.getMessage());
            assertTrue(e.getMessage().contains("; fix: "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
    }

    @Test
    void classPattern_globs_matchPackagesAndRefuseJdkAndSelftune() {
        ClassPattern p = new ClassPattern(List.of("com.acme.**", "org.x.*"), List.of("com.acme.gen.**"));
        assertTrue(p.matches("com.acme.Foo"));
        assertTrue(p.matches("com.acme.deep.Foo$Inner"));
        assertTrue(p.matches("org.x.Bar"));
        assertFalse(p.matches("org.x.y.Bar"));
        assertFalse(p.matches("com.acme.gen.Foo"));
        assertFalse(p.matches("java.lang.String"));
        ClassPattern all = new ClassPattern(List.of("**"), List.of());
        assertFalse(all.matches("jdk.internal.misc.Unsafe"));
        assertFalse(all.matches("dev.selftune.agent.AgentMain"));
        assertTrue(new ClassPattern(List.of("dev.selftune.agent.apps.**"), List.of()).matches("dev.selftune.agent.apps.HotApp"));
        assertFalse(new ClassPattern(List.of("dev.selftune.**"), List.of()).matches("dev.selftune.shaded.asm.ClassReader"));
    }
}
