package dev.selftune.install;

/**
 * A method could not be prepared, swapped or rolled back; names the element, the rule it broke and
 * the fix. Unchecked, so agent code can catch it at one place; it never escapes into application threads.
 */
public class InstallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The rule an install step broke; {@link #OTHER} for failures without a named rule. */
    public enum Rule {
        NOT_FOUND, NOT_PREPARED, NOT_ELIGIBLE, NOT_MODIFIABLE, OLD_CLASS_VERSION, NO_PRIVATE_ACCESS,
        SUPER_CALL, PROTECTED_ACCESS, SYNCHRONIZED_HELPER, OVERRIDABLE_HELPER, NEW_FIELD,
        SERIALIZABLE_LAMBDA, BAD_VARIANT, RATE_LIMITED, RETRANSFORM_FAILED, OTHER
    }

    private final String element;
    private final Rule rule;
    private final String fix;

    public InstallException(String element, Rule rule, String reason, String fix, Throwable cause) {
        super(element + ": " + reason + " [rule " + rule + "]" + (fix == null ? "" : "; fix: " + fix), cause);
        this.element = element;
        this.rule = rule;
        this.fix = fix;
    }

    public InstallException(String element, Rule rule, String reason, String fix) {
        this(element, rule, reason, fix, null);
    }

    public InstallException(String message) {
        this(message, null);
    }

    public InstallException(String message, Throwable cause) {
        super(message, cause);
        this.element = null;
        this.rule = Rule.OTHER;
        this.fix = null;
    }

    /** The class or method concerned, like {@code com.acme.Foo#bar(I)I}. */
    public String element() {
        return element;
    }

    public Rule rule() {
        return rule;
    }

    /** What the caller can do about it, or null. */
    public String fix() {
        return fix;
    }
}
