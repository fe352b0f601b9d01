package dev.selftune.verify.specimens;

/** An instance specimen: the method updates receiver fields as well as returning a value. */
public class Counter {
    private long total;
    private int calls;
    private final java.util.function.IntUnaryOperator weight = x -> x;

    public long add(int[] a) {
        for (int x : a) {
            total += weight.applyAsInt(x);
        }
        calls++;
        return total;
    }
}
