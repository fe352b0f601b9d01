package dev.selftune.verify.specimens;

/**
 * A package-private record holding an array its methods write: as a receiver (add) and as an
 * argument (mark), the array's contents after the call are part of the behaviour compared.
 */
record Histogram(long[] bins, int width) {
    Histogram {
        if (width <= 0 || bins.length == 0) {
            throw new IllegalArgumentException("a histogram needs a positive width and a bin, got width " + width
                    + " and " + bins.length + " bins");
        }
    }

    int add(int value) {
        int i = Math.floorMod(value / width, bins.length);
        bins[i] += 1L;
        return i;
    }

    static int mark(Histogram h, int value) {
        int i = Math.floorMod(value, h.bins().length);
        h.bins()[i] += 1L;
        return i;
    }
}
