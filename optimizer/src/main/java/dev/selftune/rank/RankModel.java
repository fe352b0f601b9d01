package dev.selftune.rank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Predicts a variant's log screening speedup from its features by distance-weighted k nearest
 * neighbours over standardised features. With fewer than {@link #MIN_EXAMPLES} examples it is not
 * fitted, and a ranking built on it must screen everything.
 */
final class RankModel {
    /** Examples needed before the model ranks anything out. */
    static final int MIN_EXAMPLES = 20;
    /** Neighbours consulted per prediction. */
    static final int K = 5;

    private final List<Example> examples;
    private final List<String> names;
    private final double[] mean;
    private final double[] scale;
    private final double[][] points;

    /*
     * Why k-NN and not a global regression: what a transform does depends on the method it meets
     * (interchange is worth 7x on a row-major matrix product and nothing on a dot product), which a
     * linear model over these features cannot express without interaction terms; neighbours are
     * mostly variants of the same or a similar target with similar transforms, so the interactions
     * come for free. Standardising keeps a feature with a large range (instruction counts) from
     * drowning one-hot transform features; a feature constant over the examples carries no
     * information and is left out (scale 0).
     */
    RankModel(List<Example> examples) {
        this.examples = List.copyOf(examples);
        TreeSet<String> all = new TreeSet<>();
        examples.forEach(e -> all.addAll(e.features().keySet()));
        this.names = new ArrayList<>(all);
        int n = examples.size();
        int d = names.size();
        mean = new double[d];
        scale = new double[d];
        points = new double[n][];
        double[][] raw = new double[n][];
        for (int i = 0; i < n; i++) {
            raw[i] = vector(examples.get(i).features());
            for (int j = 0; j < d; j++) {
                mean[j] += raw[i][j] / n;
            }
        }
        for (int j = 0; j < d; j++) {
            double var = 0;
            for (double[] r : raw) {
                var += (r[j] - mean[j]) * (r[j] - mean[j]);
            }
            double sd = n > 1 ? Math.sqrt(var / (n - 1)) : 0;
            scale[j] = sd > 1e-12 ? 1 / sd : 0;
        }
        for (int i = 0; i < n; i++) {
            points[i] = standardise(raw[i]);
        }
    }

    boolean fitted() {
        return examples.size() >= MIN_EXAMPLES;
    }

    int size() {
        return examples.size();
    }

    /** The predicted log speedup of a variant with these features; 0 (no change) when not fitted. */
    double predict(Map<String, Double> features) {
        if (!fitted()) {
            return 0;
        }
        double[] x = standardise(vector(features));
        int k = Math.min(K, points.length);
        double[] bestD = new double[k];
        int[] bestI = new int[k];
        java.util.Arrays.fill(bestD, Double.POSITIVE_INFINITY);
        for (int i = 0; i < points.length; i++) {
            double dist = 0;
            for (int j = 0; j < x.length; j++) {
                double diff = x[j] - points[i][j];
                dist += diff * diff;
            }
            for (int s = 0; s < k; s++) {   // insertion into the k best, ties keep the older example first
                if (dist < bestD[s]) {
                    System.arraycopy(bestD, s, bestD, s + 1, k - s - 1);
                    System.arraycopy(bestI, s, bestI, s + 1, k - s - 1);
                    bestD[s] = dist;
                    bestI[s] = i;
                    break;
                }
            }
        }
        double wsum = 0;
        double sum = 0;
        for (int s = 0; s < k; s++) {
            double w = 1 / (Math.sqrt(bestD[s]) + 1e-3);
            wsum += w;
            sum += w * examples.get(bestI[s]).logSpeedup();
        }
        return sum / wsum;
    }

    private double[] vector(Map<String, Double> f) {
        double[] v = new double[names.size()];
        for (int j = 0; j < v.length; j++) {
            v[j] = f.getOrDefault(names.get(j), 0.0);
        }
        return v;
    }

    private double[] standardise(double[] raw) {
        double[] v = new double[raw.length];
        for (int j = 0; j < v.length; j++) {
            v[j] = (raw[j] - mean[j]) * scale[j];
        }
        return v;
    }
}
