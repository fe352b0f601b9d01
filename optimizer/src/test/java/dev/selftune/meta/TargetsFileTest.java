package dev.selftune.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.TuneException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetsFileTest {
    @TempDir
    Path dir;

    @Test
    void read_commentsOptionsAndBlankLines_parsesEachTarget() throws Exception {
        Path f = dir.resolve("train.txt");
        Files.writeString(f, """
                # training targets
                dev.selftune.samples.DotProduct#dot   # the dot product

                dev.selftune.samples.Statistics#mean inputs=dev.selftune.samples.inputs.Rows#stats fp=1e-9
                dev.selftune.samples.Histogram#count([II)[I sizes=16,1024
                """);
        List<MetaTarget> t = TargetsFile.read("--train", f);
        assertEquals(3, t.size());
        assertEquals("dev.selftune.samples.DotProduct#dot", t.get(0).method());
        assertNull(t.get(0).inputs());
        assertEquals(2, t.get(0).line());
        assertEquals("dev.selftune.samples.inputs.Rows#stats", t.get(1).inputs());
        assertEquals(1e-9, t.get(1).fpTolerance());
        assertEquals("dev.selftune.samples.Histogram#count([II)[I", t.get(2).method());
        assertArrayEquals(new int[] {16, 1024}, t.get(2).sizes());
        assertEquals(5, t.get(2).line());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no method name           | a.B                              | is not a target",
        "word without =           | a.B#c fast                       | is not key=value",
        "empty value              | a.B#c fp=                        | is not key=value",
        "unknown key              | a.B#c budget=30s                 | unknown key 'budget'",
        "bad inputs provider      | a.B#c inputs=rows                | inputs='rows' must be",
        "fp not a number          | a.B#c fp=tiny                    | fp='tiny' must be a relative error",
        "fp out of range          | a.B#c fp=2                       | fp='2' must be a relative error",
        "size not a number        | a.B#c sizes=16,big               | 'big' is not a size",
        "negative size            | a.B#c sizes=-4                   | '-4' is not a size",
        "key given twice          | a.B#c fp=1e-9 fp=1e-6            | fp= is given twice",
        "inputs and sizes         | a.B#c inputs=x.Y#z sizes=16      | inputs= and sizes= together",
    })
    void parse_badLine_namesFileLineAndRule(String kind, String line, String expected) {
        TuneException e = assertThrows(TuneException.class,
                () -> TargetsFile.parse("--train", "t.txt", List.of("# header", "x.Y#ok", line)));
        assertTrue(e.getMessage().startsWith("--train t.txt:3: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals("--train", e.element());
    }

    @Test
    void parse_methodListedTwice_isRefusedWithItsLine() {
        TuneException e = assertThrows(TuneException.class,
                () -> TargetsFile.parse("--holdout", "h.txt", List.of("a.B#c", "", "a.B#c fp=1e-9")));
        assertTrue(e.getMessage().contains("h.txt:3: a.B#c is listed twice"), e.getMessage());
    }

    @Test
    void parse_onlyComments_isRefused() {
        TuneException e = assertThrows(TuneException.class,
                () -> TargetsFile.parse("--train", "t.txt", List.of("# nothing", "   ")));
        assertTrue(e.getMessage().contains("names no method"), e.getMessage());
    }

    @Test
    void read_missingFile_saysSo() {
        TuneException e = assertThrows(TuneException.class, () -> TargetsFile.read("--train", dir.resolve("none.txt")));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
    }
}
