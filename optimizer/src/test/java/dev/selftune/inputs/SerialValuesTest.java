package dev.selftune.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JDK values captured in their serial form survive the captured-inputs file and come back equal. */
class SerialValuesTest {
    @TempDir
    Path dir;

    private static byte[] serialForm(Object v) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(v);
        }
        return bytes.toByteArray();
    }

    @Test
    void rebuild_valueClassesThroughTheRowsFile_equalAndRandomContinuesItsSequence() throws Exception {
        Random rnd = new Random(42);
        rnd.nextInt();
        Object[] values = {rnd, new BigDecimal("12345.678901234567890"), LocalDate.of(2026, 11, 30),
                BitSet.valueOf(new long[] {5L, -1L}), UUID.nameUUIDFromBytes(new byte[] {1})};
        Object[] captured = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            captured[i] = CapturedObject.serialized(values[i].getClass().getName(), serialForm(values[i]));
        }
        Path file = dir.resolve("values.rows");
        List<Object[]> rows = new ArrayList<>();
        rows.add(captured);
        RowFile.write(file, rows);
        Object[] back = new Rebuilder(getClass().getClassLoader()).row(RowFile.read(file).get(0));
        assertEquals(rnd.nextLong(), ((Random) back[0]).nextLong(), "the copy continues the captured sequence");
        for (int i = 1; i < values.length; i++) {
            assertEquals(values[i], back[i]);
        }
    }

    @Test
    void read_formOfAnotherClassUnderAValueName_refusedBeforeItsCodeRuns() throws Exception {
        byte[] list = serialForm(new ArrayList<>(List.of(1, 2)));
        RuntimeException e = assertThrows(RuntimeException.class, () -> SerialValues.read("java.util.Random", list));
        assertTrue(e.getMessage().contains("java.util.Random"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CapturedObject.serialized("java.util.ArrayList", list));
    }
}
