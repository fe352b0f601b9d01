package dev.selftune.api;

/**
 * Bad input or an ineligible target: the message is one line naming the element, the rule it broke
 * and the fix. The CLI prints it and exits 2; nothing is written to the output directory.
 */
public final class TuneException extends RuntimeException {
    private final String element;

    public TuneException(String element, String message) {
        super(message);
        this.element = element;
    }

    public TuneException(String element, String message, Throwable cause) {
        super(message, cause);
        this.element = element;
    }

    /** The thing that was wrong: a class, a method, an option, a path. */
    public String element() {
        return element;
    }
}
