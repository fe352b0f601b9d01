package dev.selftune.inputs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.TuneException;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowFileTest {
    @TempDir
    Path dir;

    @Test
    void writeRows_thenReadRows_roundTripsEveryKindOfValue() {
        Path f = dir.resolve("rows.bin");
        List<Object[]> rows = List.<Object[]>of(new Object[] {new int[] {1, 2}, 3, "s", new double[][] {{1.5}}, -0.0, 'c', true});
        Inputs.writeRows(f, rows);
        List<Object[]> back = Inputs.readRows(f);
        assertEquals(1, back.size());
        assertArrayEquals(new int[] {1, 2}, (int[]) back.get(0)[0]);
        assertEquals(3, back.get(0)[1]);
        assertEquals(-0.0, back.get(0)[4]);
    }

    @Test
    void readRows_corruptFile_tuneExceptionSaysCorrupt() throws IOException {
        Path f = dir.resolve("bad.bin");
        Files.write(f, new byte[] {1, 2, 3, 4});
        TuneException e = assertThrows(TuneException.class, () -> Inputs.readRows(f));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void readRows_foreignClassInFile_rejectedByFilter() throws IOException {
        Path f = dir.resolve("foreign.bin");
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(f))) {
            out.writeObject(new Object[][] {{new ArrayList<>(List.of(1))}});
        }
        assertThrows(TuneException.class, () -> Inputs.readRows(f));
    }

    @Test
    void readRows_missingFile_saysDoesNotExist() {
        TuneException e = assertThrows(TuneException.class, () -> Inputs.readRows(dir.resolve("none.bin")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void check_fileWithWrongTypes_namesRow() {
        Path f = dir.resolve("rows.bin");
        Inputs.writeRows(f, List.<Object[]>of(new Object[] {"x", 1}));
        InputSource src = new InputSource(1, new int[] {16}, null, f);
        TuneException e = assertThrows(TuneException.class, () -> Inputs.check(
                Fixtures.ref(Fixtures.SHAPES, "pick", "([II)I"), true, src, Fixtures.loader(Fixtures.SHAPES)));
        assertTrue(e.getMessage().contains("row 0"), e.getMessage());
    }
}
