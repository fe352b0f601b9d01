package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.TuneException;
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
}
