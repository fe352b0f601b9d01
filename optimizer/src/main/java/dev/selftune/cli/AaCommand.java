package dev.selftune.cli;

import java.io.PrintStream;

/**
 * {@code selftune aa}: runs the decision on A/A pairs (a variant byte-identical to the original) and
 * prints how many were wrongly decided {@code swap}.
 */
public final class AaCommand {
    private AaCommand() { }

    /* HOOK for the lead: delegate to the A/A check once it exists; Main already routes 'aa' here. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("selftune: error: aa is not wired yet: the A/A check will be delegated from dev.selftune.cli.AaCommand");
        return 1;
    }
}
