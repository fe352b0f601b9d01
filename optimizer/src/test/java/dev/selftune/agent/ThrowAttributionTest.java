package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.selftune.agent.throwing.Thrower;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The guard counts a throwable against a method only when the method made it, not when the JDK made and
 * caught one while it loaded a class or linked a call site for the method (a swapped winner's first call
 * did that and was rolled back and forgotten within 0.2 s).
 */
class ThrowAttributionTest {
    @Test
    void resolutionFrames_linkageUpcallsAndClassLoading_only() {
        assertTrue(HotMethodDetector.resolutionFrame("java.lang.invoke.MethodHandleNatives", "linkCallSite"));
        assertTrue(HotMethodDetector.resolutionFrame("java.lang.invoke.MethodHandleNatives", "linkMethod"));
        assertTrue(HotMethodDetector.resolutionFrame("java.lang.ClassLoader", "loadClass"));
        assertTrue(HotMethodDetector.resolutionFrame("jdk.internal.loader.BuiltinClassLoader", "loadClass"));
        assertFalse(HotMethodDetector.resolutionFrame("java.lang.invoke.MethodHandleNatives", "resolve"), "a user's own lookup is not an upcall");
        assertFalse(HotMethodDetector.resolutionFrame("com.example.Repository", "loadClass"));
        assertFalse(HotMethodDetector.resolutionFrame("java.lang.Throwable", "<init>"));
    }

    @Test
    void throwsInside_countsOwnThrowables_notALoadersCaughtOnes() throws Exception {
        assumeTrue(HotMethodDetector.PER_METHOD_THROWS, "jdk.JavaExceptionThrow is silent for a late recording on JDK 22+");
        HotMethodDetector d = new HotMethodDetector(new ClassPattern(List.of("dev.selftune.agent.throwing.**"), List.of()),
                Duration.ofMillis(10));
        d.start();
        try {
            SampledMethod work = null;
            for (long end = System.nanoTime() + 15_000_000_000L; work == null && System.nanoTime() < end; ) {
                Thrower.work(300, 0, false);
                Thread.sleep(1100);   // the stream delivers about once a second
                work = d.ranking().stream().map(Map.Entry::getKey)
                        .filter(s -> s.method().name().equals("work")).findFirst().orElse(null);
            }
            assertTrue(work != null, "Thrower.work was sampled: " + d.ranking());
            d.watchThrows(work);
            d.trackExceptions(true);
            Thread.sleep(500);
            Thrower.work(1, 40, false);   // 40 ClassNotFoundExceptions made inside ClassLoader.loadClass
            Thrower.work(1, 7, true);     // 7 of its own
            for (long end = System.nanoTime() + 10_000_000_000L; d.throwsInside(work) < 7 && System.nanoTime() < end; ) {
                Thread.sleep(200);
            }
            Thread.sleep(1500);   // anything late would arrive now
            assertEquals(7, d.throwsInside(work), "only the method's own throwables count");
        } finally {
            d.close();
        }
    }
}
