package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.TuneException;
import dev.selftune.measure.FakeMeasurer;
import dev.selftune.measure.ForwardingMeasurer;
import dev.selftune.measure.Measurer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BudgetTest {
    @Test
    void requireFeasible_belowOneSwapWorthOfForks_refusedWithAdvice() {
        TuneException e = assertThrows(TuneException.class,
                () -> new Budget(Duration.ofSeconds(29), System.nanoTime()).requireFeasible());
        assertEquals("--budget", e.element());
        assertTrue(e.getMessage().contains("too small to measure anything") && e.getMessage().contains("--budget 30s"),
                e.getMessage());
    }

    @Test
    void requireFeasible_enoughForBaselineAndSixPairs_accepted() {
        assertDoesNotThrow(() -> new Budget(Duration.ofSeconds(30), System.nanoTime()).requireFeasible());
    }

    @Test
    void recordForks_refinesEstimate_forksFittingKeepsOneForkMargin() {
        Budget b = new Budget(Duration.ofSeconds(60), System.nanoTime());
        b.recordForks(2, 3.0);
        assertEquals(1.5, b.forkSeconds(), 1e-9);
        assertEquals(9, b.forksFitting(15.0));
        assertEquals(0, b.forksFitting(1.0));
    }

    /* A measurer whose last measurement was a cache hit that cost {@code seconds} when it ran (NaN: not recorded). */
    private static Measurer hitOf(double seconds) {
        return new ForwardingMeasurer(new FakeMeasurer(Path.of("."), "env")) {
            @Override
            public boolean lastWasCached() {
                return true;
            }

            @Override
            public double lastCachedSeconds() {
                return seconds;
            }
        };
    }

    @Test
    void account_cacheHit_isChargedAndTeachesWhatItsForksTook_orTheEstimateForAnOldEntry() {
        long[] now = {0};
        Budget b = new Budget(Duration.ofSeconds(60), 0, () -> now[0]);
        assertEquals(0, b.account(hitOf(4.5), 1, b.elapsed()), "a hit ran no fork");
        assertEquals(4.5, b.elapsed(), 1e-9);
        assertEquals(0, b.wallElapsed(), 1e-9, "and nobody waited for it");
        assertEquals(4.5, b.forkSeconds(), 1e-9, "the hit's recorded fork time is what a fork costs here");
        b.account(hitOf(Double.NaN), 2, b.elapsed());
        assertEquals(4.5 + 2 * 4.5, b.elapsed(), 1e-9, "an entry without its time: two forks at the estimate");
        assertEquals(4.5, b.forkSeconds(), 1e-9, "and it teaches nothing");
        assertEquals(b.elapsed(), b.spentForking(), 1e-9);
        assertEquals(60 - b.elapsed(), b.left(), 1e-9);
    }
}
