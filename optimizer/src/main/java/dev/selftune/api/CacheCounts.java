package dev.selftune.api;

/** How many screening measurements the measurement cache answered ({@code hits}) and how many ran forks ({@code misses}). */
public record CacheCounts(int hits, int misses) {
    public CacheCounts {
        if (hits < 0 || misses < 0) {
            throw new IllegalArgumentException("cache hits and misses must be >= 0, got " + hits + ", " + misses);
        }
    }
}
