package dev.selftune.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TuneResultTest {
    private static final MethodRef TARGET = MethodRef.parse("a.B#c([I)I");
    private static final Measurement M = new Measurement(100, 1, "ns/op", 1, 4, new double[] {100});
    private static final Variant V1 = new Variant("v1", "original", List.of(new Step("unroll", Map.of("factor", 2))), new byte[] {1});

    private static TuneResult result(Decision d, String confirmed, Map<String, String> notApplied) {
        VariantResult v1 = new VariantResult(V1, new Verdict.Passed(5), M, new Speedup(1.2, 1.1, 1.3, Basis.CPU), "confirmed");
        return new TuneResult(TARGET, "17", "v", "cpu", 1, 60, 30, M, List.of(v1), d, new byte[] {1}, 0, null, confirmed, notApplied);
    }

    @Test
    void constructor_confirmedIdNotAmongVariants_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> result(new Decision.Keep("why"), "v9", Map.of()));
        assertTrue(e.getMessage().contains("v9"), e.getMessage());
    }

    @Test
    void constructor_notAppliedWithoutReason_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> result(new Decision.Keep("why"), null, Map.of("unroll", " ")));
        assertTrue(e.getMessage().contains("unroll"), e.getMessage());
    }

    @Test
    void confirmedResult_keepAfterConfirmation_isTheConfirmedVariantAndNotScreened() {
        TuneResult r = result(new Decision.Keep("interval does not exclude 1.0"), "v1", Map.of());
        assertEquals("v1", r.confirmedResult().variant().id());
        assertEquals(Basis.CPU, r.confirmedResult().speedup().basis());
        assertTrue(r.screened().isEmpty());
    }

    @Test
    void confirmedResult_keepWithoutConfirmation_isNullAndEveryMeasuredVariantIsScreened() {
        TuneResult r = result(new Decision.Keep("budget"), null, Map.of());
        assertNull(r.confirmedResult());
        assertEquals(1, r.screened().size());
    }

    @Test
    void basis_defaultsToWallForJmhNumbers() {
        assertEquals(Basis.WALL, new Speedup(1.2, 1.1, 1.3).basis());
        assertEquals(Basis.WALL, M.basis());
        assertEquals("cpu", new Speedup(1.2, 1.1, 1.3).withBasis(Basis.CPU).basis().label());
    }
}
