package dev.selftune.agent;

/**
 * A bad {@code -javaagent:} or {@code attach} option: names the option, the rule it broke and the fix,
 * so the one line the agent prints is enough to correct the command.
 */
public final class AgentOptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String option;
    private final String rule;
    private final String fix;

    public AgentOptionException(String option, String rule, String fix) {
        super("option '" + option + "' " + rule + "; fix: " + fix);
        this.option = option;
        this.rule = rule;
        this.fix = fix;
    }

    public String option() {
        return option;
    }

    public String rule() {
        return rule;
    }

    public String fix() {
        return fix;
    }
}
