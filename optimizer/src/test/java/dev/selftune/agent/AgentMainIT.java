package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Child JVMs with -javaagent: a bad option costs the application nothing but one clear line. */
class AgentMainIT {
    @TempDir
    Path dir;

    @Test
    void badOption_printsOneSelftuneError_andTheAppRunsNormally() throws Exception {
        ChildJvm app = ChildJvm.start(dir, "include=dev.selftune.agent.apps.**,budget=soon", "dev.selftune.agent.apps.GreeterApp", List.of(), "0.3");
        assertEquals(0, app.await(60));
        List<String> selftune = app.err().lines().filter(l -> l.startsWith("[selftune] ")).toList();
        assertEquals(1, selftune.size(), app.err());
        String line = selftune.get(0);
        assertTrue(line.startsWith("[selftune] error: option 'budget=soon' must be a duration"), line);
        assertTrue(line.contains("fix: ") && line.contains("runs without the agent"), line);
        assertTrue(app.out().startsWith("ready\noriginal-0\n"), app.out());
        assertTrue(app.out().endsWith("done\n"), app.out());
    }

    @Test
    void missingInclude_printsOneSelftuneError_andTheAppRunsNormally() throws Exception {
        ChildJvm app = ChildJvm.start(dir, "budget=10s", "dev.selftune.agent.apps.GreeterApp", List.of(), "0.2");
        assertEquals(0, app.await(60));
        assertEquals(1, app.err().lines().filter(l -> l.startsWith("[selftune] error: option 'include' is required")).count(), app.err());
        assertTrue(app.out().endsWith("done\n"), app.out());
    }
}
