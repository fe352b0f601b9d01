package dev.selftune.meta;

import java.util.List;

/**
 * selftune tuning its own hot methods while a self-improve run works ({@code --tune-self}): told when
 * each generation starts and ends; after a generation it returns what it did with selftune's hottest
 * methods, one {@link SelfTuneRow} each. The loop treats it as untrusted help: anything it throws is
 * recorded as an {@code error} row and the run goes on.
 */
public interface SelfTuning {
    /** Generation {@code g}'s work starts (sampling and argument capture of the run's own code). */
    void generationStarts(int g);

    /**
     * Generation {@code g}'s work ended: rank selftune's own methods by the samples of the generation,
     * tune the hottest eligible ones, install confirmed winners; {@code laterGenerations} is how many
     * generations still follow (0 after the last, when nothing would run on a winner).
     */
    List<SelfTuneRow> generationEnds(int g, int laterGenerations);

    /** A run-wide note for the report (like why winners cannot be swapped into this JVM), or null. */
    String note();

    /** Stops sampling and capture; a winner already swapped in stays until the JVM exits. */
    void close();
}
