package dev.selftune.cli;

import dev.selftune.api.Progress;
import dev.selftune.api.Selftune;
import dev.selftune.api.TuneRequest;
import dev.selftune.api.TuneResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * {@code selftune tune}: parses the options, runs {@link Selftune#tune} with progress on stderr,
 * writes {@code --out} and prints the summary. Bad input surfaces as a {@code TuneException}.
 */
final class TuneCommand {
    private TuneCommand() { }

    /** Runs {@code tune}; {@code tuner} is {@link Selftune#tune} except in tests. */
    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal, Function<TuneRequest, TuneResult> tuner) {
        TuneOptions options = TuneOptions.parse(args);
        if (options.has("--help")) {
            out.print(Usage.TUNE);
            return 0;
        }
        ConsoleProgress progress = options.has("--quiet") ? null : new ConsoleProgress(err, terminal);
        TuneRequest request = TuneArgs.request(options, progress == null ? Progress.NONE : progress);
        TuneResult result;
        try {
            result = tuner.apply(request);
        } finally {
            if (progress != null) {
                progress.finish();
            }
        }
        /*
         * The facade's contract also allows it to write request.out() itself; the writer is
         * idempotent and atomic, so writing here as well costs milliseconds and guarantees the
         * summary lists files that exist.
         */
        List<Path> written = Selftune.write(result, request.out(), request.minSpeedup());
        out.print(Summary.format(result, written, request.minSpeedup()));
        out.flush();
        return 0;
    }
}
