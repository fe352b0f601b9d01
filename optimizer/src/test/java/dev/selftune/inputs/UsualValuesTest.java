package dev.selftune.inputs;

import static dev.selftune.inputs.Fixtures.loader;
import static dev.selftune.inputs.Fixtures.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UsualValuesTest {
    private static final String STRIDED = "dev.selftune.generate.specimens.Strided";
    private static final MethodRef SUM = ref(STRIDED, "sum", "([DIII)D");

    /* Rows (x, offset, stride, n): stride is `usual` in all but `others` of `count` rows. */
    private static List<Object[]> rows(int count, int usual, int others) {
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            rows.add(new Object[] {new double[8], r % 3, r < others ? usual + 1 + r : usual, r});
        }
        return rows;
    }

    @Test
    void classCounts_objectArgumentsAndArrayElements_countedMostCommonFirstBoxedIntsNot() {
        List<Object[]> rows = List.of(
                new Object[] {new Object[] {new StringBuilder(), new StringBuilder(), null}, 7, new java.util.ArrayList<>()},
                new Object[] {new Object[][] {{new StringBuilder()}, {new java.util.ArrayList<>()}}, 8, null},
                new Object[] {null, 9, new int[] {1}});
        UsualValues u = UsualValues.of("m", "([Ljava/lang/Object;ILjava/lang/Object;)V", rows);
        assertEquals(List.of("java/lang/StringBuilder", "java/util/ArrayList"), List.copyOf(u.classCounts().keySet()));
        assertEquals(3, u.classCounts().get("java/lang/StringBuilder"));
        assertEquals(2, u.classCounts().get("java/util/ArrayList"));
        assertTrue(UsualValues.none().classCounts().isEmpty());
    }

    @Test
    void of_strideOneInMostRows_modeShareAndDistinctCounted() {
        UsualValues u = UsualValues.of("sum", "([DIII)D", rows(20, 1, 2));
        assertEquals(20, u.rows());
        assertFalse(u.counted(0), "an array is not counted");
        assertEquals(1, u.mode(2));
        assertEquals(0.9, u.share(Map.of(2, 1L)), 1e-12);
        assertEquals(3, u.distinct(2));
        assertEquals(3, u.distinct(1));
        assertTrue(u.describes("sum", "([DIII)D"));
        assertFalse(u.describes("sum", "([DII)D"));
    }

    @Test
    void of_booleanAndLongArguments_countedAsNumbers() {
        UsualValues u = UsualValues.of("f", "(ZJ)V", List.of(new Object[] {true, 5L}, new Object[] {false, 5L}));
        assertEquals(0, u.mode(0), "false and true once each: a tie goes to the smaller value");
        assertEquals(5, u.mode(1));
        assertEquals(1.0, u.share(Map.of(1, 5L)));
    }

    @Test
    void of_noIntegralParameter_stillCountsTheCallerRows() {
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < 12; r++) {
            rows.add(new Object[] {"x", new double[1]});
        }
        UsualValues u = UsualValues.of("g", "(Ljava/lang/String;[D)D", rows);
        assertEquals(12, u.rows(), "100 captured calls of real(Mode, Random) were reported as 'no caller rows'");
        assertFalse(u.counted(0));
        assertEquals(0, UsualValues.none().rows());
    }

    @Test
    void of_wrongArgumentType_fails() {
        List<Object[]> bad = List.<Object[]>of(new Object[] {new double[1], "zero", 1, 1});
        assertThrows(IllegalArgumentException.class, () -> UsualValues.of("sum", "([DIII)D", bad));
    }

    @Test
    void sideRows_strideAlwaysOne_copiesOnEachSideOfOne() {
        List<Object[]> rows = rows(20, 1, 0);
        List<Object[]> sides = UsualValues.of("sum", "([DIII)D", rows).sideRows(rows, 0);
        Set<Object> strides = sides.stream().filter(r -> !r[2].equals(1)).map(r -> r[2]).collect(Collectors.toSet());
        assertEquals(Set.of(0, 2), strides, "stride 1 gets rows with 0 and 2");
        assertEquals(16, sides.size(), "8 rows holding the value, 2 neighbours each (0 is one of them)");
        assertNotSame(rows.get(0)[0], sides.get(0)[0], "copies are deep");
        assertEquals(1, rows.get(0)[2], "the caller rows are untouched");
    }

    @Test
    void sideRows_flagAlwaysFalse_copiesWithTrueOnly() {
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < 12; r++) {
            rows.add(new Object[] {new double[4], 1.0, false});
        }
        List<Object[]> sides = UsualValues.of("scale", "([DDZ)V", rows).sideRows(rows, 0);
        assertEquals(8, sides.size(), "8 rows holding false, one other value each");
        assertTrue(sides.stream().allMatch(r -> Boolean.TRUE.equals(r[2])), "the flag is boxed as a Boolean, and true");
        assertEquals(false, rows.get(0)[2], "the caller rows are untouched");
    }

    @Test
    void sideRows_fewRowsOrSpreadValues_none() {
        List<Object[]> few = rows(UsualValues.MIN_ROWS - 1, 1, 0);
        assertEquals(List.of(), UsualValues.of("sum", "([DIII)D", few).sideRows(few, 0));
        List<Object[]> enough = rows(UsualValues.MIN_ROWS, 1, 0);
        assertFalse(UsualValues.of("sum", "([DIII)D", enough).sideRows(enough, 0).isEmpty(), "MIN_ROWS rows that agree get side rows");
        List<Object[]> spread = new ArrayList<>();
        for (int r = 0; r < 30; r++) {
            spread.add(new Object[] {new double[8], r, r, r});
        }
        assertEquals(List.of(), UsualValues.of("sum", "([DIII)D", spread).sideRows(spread, 0));
    }

    @Test
    void verificationRows_providerStrideAlwaysOne_includeRowsOffTheUsualValue() {
        ClassLoader l = loader(STRIDED);
        InputSource src = Fixtures.provider("dev.selftune.generate.specimens.StridedRows#unitRows");
        List<Object[]> rows = Inputs.verificationRows(SUM, true, src, l);
        assertTrue(rows.subList(120, 136).stream().allMatch(r -> !r[2].equals(1)), "side rows follow the caller rows");
        assertTrue(rows.get(136)[2] != null && rows.size() > 1000, "generated rows still follow");
        UsualValues u = Inputs.usualValues(SUM, true, src, l);
        assertEquals(120, u.rows());
        assertEquals(1, u.mode(2));
        assertSame(UsualValues.none(), Inputs.usualValues(SUM, true, Fixtures.generated(), l));
    }
}
