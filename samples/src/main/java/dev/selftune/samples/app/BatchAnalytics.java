package dev.selftune.samples.app;

import dev.selftune.samples.Checksum;
import dev.selftune.samples.DotProduct;
import dev.selftune.samples.EditDistance;
import dev.selftune.samples.Histogram;
import dev.selftune.samples.MatrixMultiply;
import dev.selftune.samples.MatrixVector;
import dev.selftune.samples.PolynomialHash;
import dev.selftune.samples.PrefixSum;
import dev.selftune.samples.Sorting;
import dev.selftune.samples.Statistics;
import dev.selftune.samples.StringSearch;
import dev.selftune.samples.Transpose;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The analytics of one batch, built from the sample algorithms: hashes and checksums of the text,
 * a category histogram, amount percentiles, running totals, fuzzy user matching, and a projection
 * of the batch's feature matrix onto fixed weights.
 */
final class BatchAnalytics {
    static final int CATEGORIES = 40;
    static final int FEATURES = 160;
    private static final int NAME_PAIRS = 48;

    private final double[][] weights;
    private final double[] direction;

    BatchAnalytics(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        weights = new double[FEATURES][FEATURES];
        for (double[] row : weights) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rnd.nextDouble() - 0.5;
            }
        }
        direction = new double[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            direction[j] = rnd.nextDouble();
        }
    }

    /** Analyses {@code records} and folds every result into {@code digest}. */
    void analyse(Record[] records, Digest digest) {
        int n = records.length;
        int[] categories = new int[n];
        int[] amounts = new int[n];
        long[] amountsLong = new long[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        int userHash = 0;
        int payloadHash = 0;
        int adler = 0;
        int errors = 0;
        for (int r = 0; r < n; r++) {
            Record rec = records[r];
            categories[r] = rec.category();
            amounts[r] = rec.amountCents();
            amountsLong[r] = rec.amountCents();
            xs[r] = rec.x();
            ys[r] = rec.y();
            userHash = userHash * 17 + PolynomialHash.hash(rec.user());
            byte[] payload = rec.payload().getBytes(StandardCharsets.ISO_8859_1);
            payloadHash ^= PolynomialHash.hash(payload);
            adler += Checksum.adler32(payload);
            if (StringSearch.indexOf(rec.payload(), "error") >= 0) {
                errors++;
            }
        }
        digest.add(userHash);
        digest.add(payloadHash);
        digest.add(adler);
        digest.add(errors);

        for (int count : Histogram.histogram(categories, CATEGORIES)) {
            digest.add(count);
        }
        Sorting.sort(amounts);
        digest.add(amounts[n / 2]);
        digest.add(amounts[n * 9 / 10]);
        long[] running = PrefixSum.prefixSums(amountsLong);
        digest.add(running[n - 1]);
        digest.add(Statistics.sumOfSquares(amounts));
        digest.add(Statistics.variance(xs));
        digest.add(DotProduct.dot(xs, ys));

        int distances = 0;
        for (int p = 0; p < NAME_PAIRS && p + 1 < n; p++) {
            distances += EditDistance.distance(records[p].user(), records[p + 1].user());
        }
        digest.add(distances);

        double[][] features = features(records);
        double[][] projected = MatrixMultiply.multiply(features, weights);
        double[] scores = MatrixVector.multiply(Transpose.transpose(projected), direction);
        for (double s : scores) {
            digest.add(s);
        }
    }

    /** A FEATURES × FEATURES matrix: row i holds scaled amounts and coordinates of the records from i on. */
    private static double[][] features(Record[] records) {
        double[][] f = new double[FEATURES][FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            for (int j = 0; j < FEATURES; j++) {
                Record rec = records[(i * 7 + j) % records.length];
                f[i][j] = (j % 2 == 0 ? rec.amountCents() / 1e6 : rec.x() / 100) - 0.5;
            }
        }
        return f;
    }
}
