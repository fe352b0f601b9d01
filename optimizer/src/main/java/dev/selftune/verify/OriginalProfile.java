package dev.selftune.verify;

/**
 * How the original behaved on the verification rows: how many were run, how many returned
 * normally, and whether any call changed an array argument or the receiver (JMH must then copy).
 */
public record OriginalProfile(int rows, int normalReturns, boolean mutatesArguments) {
    public OriginalProfile {
        if (rows < 0 || normalReturns < 0 || normalReturns > rows) {
            throw new IllegalArgumentException("profile of " + rows + " rows cannot have " + normalReturns + " normal returns");
        }
    }
}
