package dev.selftune.samples.inputs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.selftune.samples.DotProduct;
import dev.selftune.samples.Histogram;
import dev.selftune.samples.MatrixVector;
import dev.selftune.samples.StringSearch;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProvidersTest {
    @Test
    void rows_calledTwice_returnEqualFreshRows() {
        Object[][] first = DotProductInputs.rows();
        Object[][] second = DotProductInputs.rows();
        assertEquals(first.length, second.length);
        for (int r = 0; r < first.length; r++) {
            assertArrayEquals((double[]) first[r][0], (double[]) second[r][0]);
        }
    }

    @Test
    void rows_everyProvider_areValidArgumentsForItsSample() {
        for (Object[] row : DotProductInputs.rows()) {
            assertDoesNotThrow(() -> DotProduct.dot((double[]) row[0], (double[]) row[1]));
        }
        for (Object[] row : MatrixVectorInputs.rows()) {
            assertDoesNotThrow(() -> MatrixVector.multiply((double[][]) row[0], (double[]) row[1]));
        }
        for (Object[] row : HistogramInputs.rows()) {
            int[] counts = Histogram.histogram((int[]) row[0], (Integer) row[1]);
            assertEquals(((int[]) row[0]).length, Arrays.stream(counts).sum());
        }
    }

    @Test
    void rows_stringSearch_findsTheNeedleWhereStringIndexOfDoes() {
        for (Object[] row : StringSearchInputs.rows()) {
            String text = (String) row[0];
            String pattern = (String) row[1];
            assertEquals(text.indexOf(pattern), StringSearch.indexOf(text, pattern));
        }
        assertEquals(60_000, StringSearch.indexOf((String) StringSearchInputs.rows()[0][0], (String) StringSearchInputs.rows()[0][1]));
    }
}
