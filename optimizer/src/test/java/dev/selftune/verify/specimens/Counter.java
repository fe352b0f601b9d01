package dev.selftune.verify.specimens;

/** An instance specimen: the method updates receiver fields as well as returning a value. */
public class Counter {
    private long total;
    private int calls;

    public long add(int[] a) {
        for (int x : a) {
            total += x;
        }
        calls++;
        return total;
    }
}
