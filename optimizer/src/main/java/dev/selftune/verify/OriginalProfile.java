package dev.selftune.verify;

/**
 * How the original behaved on the verification rows: how many were run, how many returned
 * normally, whether any call changed an array argument or the receiver (JMH must then copy), and
 * the bytes one call allocated on average over the rows that returned (NaN when not known).
 */
public record OriginalProfile(int rows, int normalReturns, boolean mutatesArguments, double allocatedBytesPerCall) {
    public OriginalProfile {
        if (rows < 0 || normalReturns < 0 || normalReturns > rows) {
            throw new IllegalArgumentException("profile of " + rows + " rows cannot have " + normalReturns + " normal returns");
        }
    }

    public OriginalProfile(int rows, int normalReturns, boolean mutatesArguments) {
        this(rows, normalReturns, mutatesArguments, Double.NaN);
    }
}
