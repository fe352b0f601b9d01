package dev.selftune.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Decision;
import dev.selftune.api.Speedup;
import dev.selftune.api.Variant;
import dev.selftune.api.VariantResult;
import dev.selftune.api.Verdict;
import dev.selftune.target.OldClasses;
import dev.selftune.util.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/** {@code classVersion} in report.json and the "Class file" line of report.html. */
class ClassVersionReportTest {
    @Test
    @SuppressWarnings("unchecked")
    void render_swapOfModernClass_versionKeptNoReason() {
        Map<String, Object> v = (Map<String, Object>) Json.parseObject(JsonReport.render(ReportFixtures.swap())).get("classVersion");
        assertEquals(61, ((Number) v.get("original")).intValue());
        assertEquals(61, ((Number) v.get("written")).intValue());
        assertTrue(v.containsKey("reason"));
        assertNull(v.get("reason"));
        assertTrue(HtmlReport.render(ReportFixtures.swap()).contains("<dt>Class file</dt><dd>version 61 (Java 17); the winner keeps it</dd>"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void render_keep_originalVersionOnlyNoWinnerVersion() {
        Map<String, Object> v = (Map<String, Object>) Json.parseObject(JsonReport.render(ReportFixtures.keep())).get("classVersion");
        assertEquals(61, ((Number) v.get("original")).intValue());
        assertNull(v.get("written"));
        assertNull(v.get("reason"));
        assertTrue(HtmlReport.render(ReportFixtures.keep()).contains("<dt>Class file</dt><dd>version 61 (Java 17)</dd>"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void render_swapRaisedJava11Class_reportsBothVersionsAndWhy() {
        byte[] original = OldClasses.kernels(Opcodes.V1_1);
        byte[] raised = OldClasses.withSumPrefix(original, OldClasses.classLiteral());
        Variant winner = new Variant("v1", Variant.ORIGINAL_ID, List.of(), raised);
        Decision d = new Decision.Swap(winner, new Speedup(1.3, 1.2, 1.4), ReportFixtures.ms(100, 1), ReportFixtures.ms(77, 1));
        var r = new dev.selftune.api.TuneResult(dev.selftune.api.MethodRef.parse(OldClasses.NAME + "#sum([I)J"), "17", "x", "cpu",
                1, 60, 50, ReportFixtures.ms(100, 1), List.of(new VariantResult(winner, new Verdict.Passed(9), null, null, "")), d, original);

        Map<String, Object> v = (Map<String, Object>) Json.parseObject(JsonReport.render(r)).get("classVersion");
        assertEquals(45, ((Number) v.get("original")).intValue());
        assertEquals(49, ((Number) v.get("written")).intValue());
        String why = "raised from 45 (Java 1.1) to 49 (Java 5): sum([I)J uses ldc of a class literal, which needs class-file version 49 or later";
        assertEquals(why, v.get("reason"));
        assertTrue(HtmlReport.render(r).contains("<dd>version 45 (Java 1.1); winner " + why + "</dd>"));
    }
}
