package dev.selftune.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Decision;
import dev.selftune.api.Speedup;
import dev.selftune.api.TuneResult;
import dev.selftune.api.Variant;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {
    @Test
    void write_swap_putsWholeWinnerClassAtItsInternalName(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        List<Path> written = OutputWriter.write(ReportFixtures.swap(), out);
        Path cls = out.resolve("winner/dev/selftune/report/Dot.class");
        assertEquals(List.of(out.resolve("report.json"), out.resolve("report.html"), cls), written);
        assertArrayEquals(ReportFixtures.unrolled(), Files.readAllBytes(cls));
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"decision\": \"swap\""));
        assertEquals(List.of("out"), names(dir), "no temporary directory left beside out");
    }

    @Test
    void write_winnerClass_loadsInPlaceOfOriginalAndComputesTheSame(@TempDir Path dir) throws Throwable {
        Path out = dir.resolve("out");
        OutputWriter.write(ReportFixtures.swap(), out);
        byte[] bytes = Files.readAllBytes(out.resolve("winner/dev/selftune/report/Dot.class"));
        Class<?> c = new ClassLoader(null) {
            Class<?> define() {
                return defineClass("dev.selftune.report.Dot", bytes, 0, bytes.length);
            }
        }.define();
        double r = (double) MethodHandles.privateLookupIn(c, MethodHandles.lookup())
                .findStatic(c, "dot", MethodType.methodType(double.class, double[].class, double[].class))
                .invoke(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertEquals(32.0, r);
    }

    @Test
    void write_keep_writesReportsOnly(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        assertEquals(2, OutputWriter.write(ReportFixtures.keep(), out).size());
        assertEquals(List.of("report.html", "report.json"), names(out));
    }

    @Test
    void write_nonEmptyOut_replacesOnlySelftuneFilesAndDropsStaleWinner(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        OutputWriter.write(ReportFixtures.swap(), out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        OutputWriter.write(ReportFixtures.keep(), out);
        assertEquals(List.of("notes.txt", "report.html", "report.json"), names(out));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertTrue(Files.readString(out.resolve("report.json")).contains("keep-original"));
        assertEquals(List.of("out"), names(dir));
    }

    @Test
    void write_argumentWithALoneSurrogate_isWrittenEscaped_andReadsBack(@TempDir Path dir) throws Exception {
        /* any char is a legal char[] element; half a surrogate pair has no UTF-8 form (RoaringBitmap's char sets) */
        List<dev.selftune.api.VariantResult> vs = new java.util.ArrayList<>(ReportFixtures.variants());
        dev.selftune.api.VariantResult v3 = vs.get(3);
        vs.set(3, new dev.selftune.api.VariantResult(v3.variant(), new dev.selftune.api.Verdict.Rejected("return value differs",
                "args: set1=[\ud800, a, \udfff\ud800], length1=3", 17), null, null, "rejected by verification"));
        Path out = dir.resolve("out");
        OutputWriter.write(ReportFixtures.result(vs, new dev.selftune.api.Decision.Keep("kept \udc00")), out);
        String json = Files.readString(out.resolve("report.json"));
        assertTrue(json.contains("[\\ud800, a, \\udfff\\ud800]"), json);
        Object parsed = dev.selftune.util.Json.parse(json);
        assertTrue(parsed.toString().contains("set1=[\ud800, a, \udfff\ud800]"), "read back as the same chars");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("kept \\udc00") && html.contains("\\ud800, a, \\udfff\\ud800"), html);
    }

    @Test
    void write_failure_leavesNothingInOut(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        TuneResult bad = withWinnerBytes(new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2});
        assertThrows(RuntimeException.class, () -> OutputWriter.write(bad, out));
        assertEquals(List.of(), names(dir), "a failed write left files behind");
    }

    @Test
    void write_failureOverExistingOut_keepsPreviousReport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        OutputWriter.write(ReportFixtures.swap(), out);
        String before = Files.readString(out.resolve("report.json"));
        TuneResult bad = withWinnerBytes(ReportFixtures.bytes(DotUnrolled.class));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OutputWriter.write(bad, out));
        assertTrue(e.getMessage().contains("must keep the target's name"), e.getMessage());
        assertEquals(before, Files.readString(out.resolve("report.json")));
        assertTrue(Files.exists(out.resolve("winner/dev/selftune/report/Dot.class")));
        assertEquals(List.of("out"), names(dir));
    }

    @Test
    void write_outIsAFile_refuses(@TempDir Path dir) throws Exception {
        Path out = Files.writeString(dir.resolve("out"), "x");
        assertThrows(RuntimeException.class, () -> OutputWriter.write(ReportFixtures.keep(), out));
        assertEquals("x", Files.readString(out));
    }

    private static TuneResult withWinnerBytes(byte[] bytes) {
        TuneResult ok = ReportFixtures.swap();
        Decision.Swap s = (Decision.Swap) ok.decision();
        Variant v = new Variant("v2", "v1", s.variant().transforms(), bytes);
        return ReportFixtures.result(ok.variants(), new Decision.Swap(v, new Speedup(1.5, 1.4, 1.6), s.baseline(), s.winner()));
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
