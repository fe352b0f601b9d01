package dev.selftune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.TuneException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every kind of bad input exits 2 with one line naming the problem, and writes nothing to --out. */
class BadInputTest {
    @TempDir
    Path dir;
    Path out;
    String cp;

    @BeforeEach
    void setUp() throws Exception {
        out = dir.resolve("out");
        cp = Files.createDirectory(dir.resolve("classes")).toString();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("unknown option", "--budjet 10s", "unknown option '--budjet' for tune: did you mean --budget?"),
                Arguments.of("missing value at end", "--seed", "option --seed needs a value"),
                Arguments.of("missing value before option", "--seed --quiet", "option --seed needs a value"),
                Arguments.of("empty value", "--budget=", "option --budget needs a value"),
                Arguments.of("bad seed", "--seed abc", "--seed 'abc' is not a whole number"),
                Arguments.of("bad min-speedup", "--min-speedup fast", "--min-speedup 'fast' is not a number"),
                Arguments.of("NaN min-speedup", "--min-speedup NaN", "--min-speedup 'NaN' is not a number"),
                Arguments.of("min-speedup below 1", "--min-speedup 0.9", "minimum speedup 0.9 must be at least 1.0"),
                Arguments.of("confidence out of range", "--confidence 1.5", "confidence 1.5 must be in (0.5, 1)"),
                Arguments.of("fp tolerance out of range", "--allow-fp-reassociation 2", "tolerance 2.0 must be a relative error"),
                Arguments.of("bad budget", "--budget 2x", "--budget '2x' is not a duration"),
                Arguments.of("zero budget", "--budget 0s", "--budget '0s' must be longer than zero"),
                Arguments.of("bad size", "--sizes 16,lots", "'lots' is not a whole number"),
                Arguments.of("negative size", "--sizes 16,-1", "size -1 is outside"),
                Arguments.of("bad inputs spec", "--inputs com.acme.Inputs", "--inputs 'com.acme.Inputs' must be <binary class name>#"),
                Arguments.of("missing inputs file", "--inputs-file nope.rows", "--inputs-file 'nope.rows' is not a file"),
                Arguments.of("missing policy file", "--policy nope.json", "--policy 'nope.json' is not a file"),
                Arguments.of("positional argument", "stray", "unexpected argument 'stray'"),
                Arguments.of("option twice", "--seed 1 --seed 2", "option --seed is given twice"),
                Arguments.of("flag with value", "--quiet=yes", "option --quiet takes no value"),
                Arguments.of("fork flag not a flag", "--fork-jvm-flags=Xint", "--fork-jvm-flags: 'Xint' is not a JVM flag"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tune_badOption_exits2WithOneLine(String name, String extra, String expected) {
        List<String> args = new ArrayList<>(List.of("tune", "--classpath", cp, "--target", "com.acme.Foo#bar", "--out", out.toString()));
        args.addAll(Arrays.asList(extra.split(" ")));
        assertBad(CliRun.of(args.toArray(String[]::new)), expected);
    }

    @Test
    void tune_missingClasspathEntry_namesTheEntry() {
        assertBad(CliRun.of("tune", "--classpath", cp + ":" + dir.resolve("lib/missing.jar"), "--target", "a.B#c", "--out", out.toString()),
                "class-path entry '" + dir.resolve("lib/missing.jar") + "' does not exist");
    }

    @Test
    void tune_missingClasspath_saysHowToPassIt() {
        assertBad(CliRun.of("tune", "--target", "a.B#c", "--out", out.toString()), "missing --classpath: pass the jars");
    }

    @Test
    void tune_missingTarget_saysHowToPassIt() {
        assertBad(CliRun.of("tune", "--classpath", cp, "--out", out.toString()), "missing --target: name the method");
    }

    @Test
    void tune_missingOut_saysHowToPassIt() {
        assertBad(CliRun.of("tune", "--classpath", cp, "--target", "a.B#c"), "missing --out");
    }

    @Test
    void tune_targetWithoutMethod_showsTheForm() {
        assertBad(CliRun.of("tune", "--classpath", cp, "--target", "com.acme.Foo", "--out", out.toString()),
                "--target target 'com.acme.Foo' must be <binary class name>#<method>");
    }

    @Test
    void tune_outIsAFile_refuses() throws Exception {
        Files.writeString(out, "x");
        assertBad(CliRun.of("tune", "--classpath", cp, "--target", "a.B#c", "--out", out.toString()), "is a file");
        assertEquals("x", Files.readString(out));
    }

    @Test
    void tune_pipelineRefusesTarget_exits2AndWritesNothing() {
        CliRun run = CliRun.of(r -> {
            throw new TuneException("com.acme.Foo#bar", "method com.acme.Foo#bar is native: selftune tunes only bytecode; pick a Java method");
        }, "tune", "--classpath", cp, "--target", "com.acme.Foo#bar", "--out", out.toString(), "--quiet");
        assertBad(run, "method com.acme.Foo#bar is native");
    }

    @Test
    void tune_multiLineMessage_isFoldedIntoOneLine() {
        CliRun run = CliRun.of(r -> {
            throw new TuneException("bar", "com.acme.Foo#bar is overloaded:\n  bar(I)V\n  bar(J)V\nadd the descriptor");
        }, "tune", "--classpath", cp, "--target", "com.acme.Foo#bar", "--out", out.toString(), "--quiet");
        assertBad(run, "is overloaded:; bar(I)V; bar(J)V; add the descriptor");
    }

    @Test
    void tune_badInputWrappedByAWorkerThread_stillExits2() {
        CliRun run = CliRun.of(r -> {
            throw new java.util.concurrent.CompletionException(new TuneException("a.B", "class a.B is not on the class path: add its jar to --classpath"));
        }, "tune", "--classpath", cp, "--target", "a.B#c", "--out", out.toString(), "--quiet");
        assertBad(run, "class a.B is not on the class path");
    }

    @Test
    void unknownCommand_exits2() {
        assertBad(CliRun.of("tuen"), "unknown command 'tuen': use tune, self-improve, table, attach, aa or help");
    }

    private void assertBad(CliRun run, String expected) {
        assertEquals(2, run.code, run.err);
        String line = run.errLine();
        assertTrue(line.startsWith("selftune: error: "), line);
        assertTrue(line.contains(expected), "expected '" + expected + "' in: " + line);
        assertFalse(run.err.contains("\tat "), "stack trace on stderr");
        assertEquals("", run.out);
        assertFalse(Files.isDirectory(out), "--out was created");
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".out")), "temporary directory left");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
