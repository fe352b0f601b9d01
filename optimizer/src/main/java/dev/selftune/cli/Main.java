package dev.selftune.cli;

import dev.selftune.agent.Attach;
import dev.selftune.api.Selftune;
import dev.selftune.api.TuneException;
import dev.selftune.api.TuneRequest;
import dev.selftune.api.TuneResult;
import dev.selftune.report.ResultsTable;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.function.Function;

/**
 * The {@code selftune} command line: {@code tune}, {@code self-improve}, {@code table}, {@code attach}, {@code aa}, {@code help},
 * {@code --version}. Exit 0 when the command ran, 2 for bad input (one line, no stack trace), 1 otherwise.
 */
public final class Main {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;

    private Main() { }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("tune") || args[0].equals("aa"))) {
            Relaunch.ifNeeded(Main.class, args);   // JDK 24+: JMH's sun.misc.Unsafe warnings stay off the screen
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command, writing to {@code out} and {@code err}; returns the exit code. Never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Selftune::tune);
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, with the tuning pipeline replaceable for tests. */
    static int run(String[] args, PrintStream out, PrintStream err, Function<TuneRequest, TuneResult> tuner) {
        boolean debug = Arrays.asList(args).contains("--debug");
        try {
            return dispatch(args, out, err, tuner);
        } catch (Throwable e) {
            TuneException bad = badInput(e);
            if (bad != null) {
                err.println("selftune: error: " + oneLine(bad.getMessage() != null ? bad.getMessage() : bad.element()));
            } else {
                err.println("selftune: error: internal error: " + oneLine(String.valueOf(e))
                        + (debug ? "" : " (run again with --debug for the stack trace)"));
            }
            if (debug) {
                e.printStackTrace(err);
            }
            return bad != null ? BAD_INPUT : INTERNAL_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int dispatch(String[] args, PrintStream out, PrintStream err, Function<TuneRequest, TuneResult> tuner) {
        if (args.length == 0) {
            err.print(Usage.MAIN);
            return BAD_INPUT;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "tune":
                return TuneCommand.run(rest, out, err, err == System.err && isTerminal(), tuner);
            case "attach":
                return Attach.run(rest);
            case "table":
                if (rest.length == 0) {
                    throw new TuneException("table", "table needs tune --out directories: selftune table out/matmul out/dot ...");
                }
                out.print(ResultsTable.render(Arrays.stream(rest).map(Path::of).toList()));
                return OK;
            case "self-improve":
                return SelfImproveCommand.run(rest, out, err, tuner);
            case "aa":
                // HOOK: the lead wires the A/A false-improvement check behind AaCommand.
                return AaCommand.run(rest, out, err);
            case "help", "--help", "-h":
                out.print(rest.length > 0 && rest[0].equals("tune") ? Usage.TUNE
                        : rest.length > 0 && rest[0].equals("self-improve") ? Usage.SELF_IMPROVE : Usage.MAIN);
                return OK;
            case "--version", "-V", "version":
                out.println("selftune " + version() + " (Java " + System.getProperty("java.version") + ", "
                        + System.getProperty("java.vendor") + ")");
                return OK;
            default:
                throw new TuneException(args[0], "unknown command '" + args[0] + "': use tune, self-improve, table, attach, aa or help");
        }
    }

    /** The version from the jar's Maven metadata, or {@code dev} when run from classes. */
    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("/META-INF/maven/dev.selftune/optimizer/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            }
        } catch (java.io.IOException e) {
            // fall through to the manifest
        }
        String v = Main.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    /*
     * On JDK 17 System.console() is non-null only when stdin and stdout are both terminals; from JDK 22
     * it may be non-null when redirected, and Console.isTerminal() (called reflectively, we compile
     * for 17) tells. TERM=dumb cannot redraw a line with \r.
     */
    private static boolean isTerminal() {
        java.io.Console c = System.console();
        if (c == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /* Bad input found on a worker thread arrives wrapped (ExecutionException, CompletionException). */
    private static TuneException badInput(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TuneException t) {
                return t;
            }
        }
        return null;
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", "; ").strip();
    }
}
