package dev.selftune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Selftune;
import dev.selftune.cli.specimens.BadTargets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every bad input the issue names, through the real pipeline (no stand-in tuner): one line on
 * stderr naming the problem, exit 2, and nothing created in --out. All fail before any JMH fork.
 */
class BadInputEndToEndTest {
    private static final String BAD = BadTargets.class.getName();

    @TempDir
    Path tmp;

    static String testClasses() {
        try {
            return Path.of(BadTargets.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown class        | com.example.Nope#run        |                          | 60s | not on the class path",
        "unknown method       | BAD#nope                    |                          | 60s | no method 'nope'",
        "ambiguous overload   | dev.selftune.target.specimens.Shapes#over |            | 60s | is overloaded",
        "ungeneratable type   | BAD#size                    |                          | 60s | --inputs",
        "provider with params | BAD#sum                     | BAD#takesArgs            | 60s | takesArgs",
        "provider wrong type  | BAD#sum                     | BAD#wrongType            | 60s | wrongType",
        "throws on every input| BAD#alwaysThrows            |                          | 60s | throws on every",
        "budget too small     | BAD#sum                     |                          | 3s  | too small to measure anything",
    })
    void tune_badInput_exits2OneLineNothingWritten(String what, String target, String inputs, String budget, String expected) {
        Path out = tmp.resolve("out");
        String cp = testClasses() + ":" + Path.of("target", "test-classes").toAbsolutePath();
        String t = target.replace("BAD#", BAD + "#");
        String[] base = {"tune", "--classpath", cp, "--target", t, "--budget", budget, "--out", out.toString()};
        String[] args = inputs == null ? base : concat(base, "--inputs", inputs.replace("BAD#", BAD + "#"));
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                Selftune::tune);
        String err = e.toString(StandardCharsets.UTF_8);
        String[] lines = err.lines().filter(l -> l.startsWith("selftune: error:")).toArray(String[]::new);
        assertEquals(2, code, what + ": " + err);
        assertEquals(1, lines.length, what + ": " + err);
        assertTrue(lines[0].contains(expected), what + ": " + lines[0]);
        assertFalse(err.contains("\tat "), what + ": stack trace printed: " + err);
        assertFalse(Files.exists(out), what + ": --out was created");
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
