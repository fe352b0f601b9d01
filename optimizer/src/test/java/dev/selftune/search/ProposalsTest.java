package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.TuneException;
import dev.selftune.api.TuneRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProposalsTest {
    private static Path testClasses() throws Exception {
        return Path.of(ProposalsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static TuneRequest request(String target) throws Exception {
        return TuneRequest.builder().classpathEntry(testClasses()).target(target).sizes(16, 64)
                .budget(Duration.ofSeconds(60)).seed(1).build();
    }

    @Test
    void run_loopSpecimen_generatesVariantsThatPassVerification() throws Exception {
        Proposals.Count c = Proposals.run(request("dev.selftune.target.specimens.Shapes#sum"));
        assertTrue(c.generated() > 0, "a counted int reduction gets unroll and split-accumulator variants");
        assertEquals(c.generated(), c.passed(), "every proposal of an exact int sum is equal to the original");
    }

    @Test
    void run_unknownMethod_failsLikeTune() {
        TuneException e = assertThrows(TuneException.class, () -> Proposals.run(request("dev.selftune.target.specimens.Shapes#nope")));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
