package dev.selftune.cli;

import dev.selftune.api.TuneRequest;
import dev.selftune.api.TuneResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** One captured run of {@link Main}: exit code, stdout, stderr, and the request the pipeline received. */
final class CliRun {
    final int code;
    final String out;
    final String err;
    final TuneRequest request;

    private CliRun(int code, String out, String err, TuneRequest request) {
        this.code = code;
        this.out = out;
        this.err = err;
        this.request = request;
    }

    static CliRun of(Function<TuneRequest, TuneResult> tuner, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        TuneRequest[] seen = new TuneRequest[1];
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                r -> {
                    seen[0] = r;
                    return tuner.apply(r);
                });
        return new CliRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8), seen[0]);
    }

    static CliRun of(String... args) {
        return of(r -> {
            throw new AssertionError("the pipeline must not run for this command line");
        }, args);
    }

    /** The single line on stderr; fails if there is not exactly one. */
    String errLine() {
        String[] lines = err.split("\\R");
        if (lines.length != 1 || err.isEmpty()) {
            throw new AssertionError("expected one line on stderr, got:\n" + err);
        }
        return lines[0];
    }
}
