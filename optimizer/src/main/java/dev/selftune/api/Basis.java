package dev.selftune.api;

import java.util.Locale;

/**
 * What a time or speedup was computed on: JMH's wall-clock time per operation, or the benchmark
 * thread's CPU time per operation (wall time times the thread's CPU share), which a contended
 * machine distorts far less.
 */
public enum Basis {
    WALL,
    CPU;

    /** {@code wall} or {@code cpu}, as report.json writes it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
