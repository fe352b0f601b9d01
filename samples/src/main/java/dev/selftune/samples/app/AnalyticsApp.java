package dev.selftune.samples.app;

import java.util.Locale;

/**
 * A sample application for the selftune agent: analytics over a deterministic stream of synthetic
 * records (parse CSV lines, hash, checksum, sort, histogram, matrix math), in fixed-size batches.
 * Prints {@code throughput <n> records/s} every few seconds and {@code checksum <hex>} at the end.
 *
 * <p>Run: {@code java -cp samples/target/samples.jar dev.selftune.samples.app.AnalyticsApp --seconds 60 --seed 42}
 *
 * <p>Options: {@code --seconds N} (default 60) or {@code --batches N} (exactly N batches), {@code --seed S}
 * (default 42), {@code --batch-size N} (default 1024 records), {@code --checksum-batches N} (default 20),
 * {@code --report-every N} seconds (default 5). The checksum always covers the first
 * {@code --checksum-batches} batches ({@code --batches N} when given), so it depends only on the seed and
 * the code's results, never on speed: a timed run continues past its deadline until those are done.
 */
public final class AnalyticsApp {
    private AnalyticsApp() {
    }

    public static void main(String[] args) {
        AppOptions options;
        try {
            options = AppOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("AnalyticsApp: " + e.getMessage());
            System.err.println("usage: AnalyticsApp [--seconds N | --batches N] [--seed S] [--batch-size N]"
                    + " [--checksum-batches N] [--report-every N]");
            System.exit(2);
            return;
        }
        run(options);
    }

    /** Runs the batches and returns the checksum of the first {@code checksumBatches()} of them. */
    static long run(AppOptions options) {
        RecordStream stream = new RecordStream(options.seed());
        BatchAnalytics analytics = new BatchAnalytics(options.seed());
        Digest checksum = new Digest();
        int covered = options.checksumBatches();
        System.out.printf("analytics seed %d, batches of %d records, checksum over %d batches%n",
                options.seed(), options.batchSize(), covered);

        long start = System.nanoTime();
        long deadline = start + (long) (options.seconds() * 1e9);
        long windowStart = start;
        long windowRecords = 0;
        long reportNanos = (long) (options.reportEverySeconds() * 1e9);
        long batch = 0;
        while (options.batches() > 0 ? batch < options.batches() : batch < covered || System.nanoTime() < deadline) {
            String[] lines = stream.batch(batch, options.batchSize());
            Record[] records = new Record[lines.length];
            for (int r = 0; r < lines.length; r++) {
                records[r] = RecordParser.parse(lines[r]);
            }
            Digest batchDigest = new Digest();
            analytics.analyse(records, batchDigest);
            if (batch < covered) {
                checksum.add(batchDigest.value());
            }
            batch++;
            windowRecords += records.length;
            long now = System.nanoTime();
            if (now - windowStart >= reportNanos) {
                System.out.printf("throughput %d records/s%n", Math.round(windowRecords / ((now - windowStart) / 1e9)));
                windowStart = now;
                windowRecords = 0;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "processed %d batches (%d records) in %.1f s%n",
                batch, batch * options.batchSize(), seconds);
        System.out.println("checksum " + checksum.hex());
        return checksum.value();
    }
}
