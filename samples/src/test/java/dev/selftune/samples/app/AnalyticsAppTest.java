package dev.selftune.samples.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AnalyticsAppTest {
    private static AppOptions batches(long n, long seed) {
        return AppOptions.parse(new String[] {"--batches", Long.toString(n), "--seed", Long.toString(seed), "--batch-size", "256"});
    }

    @Test
    void run_sameSeedAndBatches_givesSameChecksum() {
        assertEquals(AnalyticsApp.run(batches(3, 7)), AnalyticsApp.run(batches(3, 7)));
    }

    @Test
    void run_differentSeed_givesDifferentChecksum() {
        assertNotEquals(AnalyticsApp.run(batches(2, 7)), AnalyticsApp.run(batches(2, 8)));
    }

    @Test
    void run_timedRun_checksumCoversOnlyTheFirstBatches() {
        AppOptions timed = AppOptions.parse(new String[] {
            "--seconds", "0.3", "--seed", "7", "--batch-size", "256", "--checksum-batches", "3"});
        assertEquals(AnalyticsApp.run(batches(3, 7)), AnalyticsApp.run(timed));
    }

    @Test
    void parse_unknownOrBadOption_throwsNamingIt() {
        assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(new String[] {"--speed", "1"}));
        assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(new String[] {"--seconds", "x"}));
        assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(new String[] {"--batch-size", "0"}));
        assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(new String[] {"--seed"}));
    }

    @Test
    void parse_line_roundTripsTheStreamFields() {
        String line = new RecordStream(1).batch(0, 1)[0];
        Record rec = RecordParser.parse(line);
        assertEquals(0, rec.id());
        assertEquals(line.substring(line.lastIndexOf(',') + 1), rec.payload());
    }
}
