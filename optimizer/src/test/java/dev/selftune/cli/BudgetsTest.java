package dev.selftune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.TuneException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BudgetsTest {
    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({"120s, 120000", "2m, 120000", "90, 90000", "1m30s, 90000", "1h, 3600000", "500ms, 500", "1.5m, 90000",
        "2M, 120000", "PT2M, 120000", "1h2m3s, 3723000", "0.25, 250"})
    void parse_acceptedForms_giveTheDuration(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Budgets.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "2x", "1m30", "m2", "-5s", "1,5m", "two minutes", "PT", "12 s"})
    void parse_badForm_namesTheOptionAndTheForms(String text) {
        TuneException e = assertThrows(TuneException.class, () -> Budgets.parse(text));
        assertEquals("--budget", e.element());
        assertTrue(e.getMessage().contains("like 120s"), e.getMessage());
    }

    @Test
    void parse_zero_isRefused() {
        assertThrows(TuneException.class, () -> Budgets.parse("0"));
        assertThrows(TuneException.class, () -> Budgets.parse("0m0s"));
    }

    @Test
    void format_readable() {
        assertEquals("45s", Budgets.format(45.2));
        assertEquals("1m30s", Budgets.format(90));
        assertEquals("2m", Budgets.format(120));
        assertEquals("1h", Budgets.format(3600));
        assertEquals("1h1m", Budgets.format(3690));
        assertEquals("0s", Budgets.format(-3));
    }
}
