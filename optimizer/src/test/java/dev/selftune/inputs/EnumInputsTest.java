package dev.selftune.inputs;

import static dev.selftune.inputs.Fixtures.loader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.TuneException;
import dev.selftune.selftest.OwnModes;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enum parameters are generated as each of their constants (and null, as any reference parameter), from the rows' loader. */
class EnumInputsTest {
    private static final String OWNER = OwnModes.class.getName();
    private static final String MODE = OwnModes.Mode.class.getName();
    private static final MethodRef SCALE = new MethodRef(OWNER, "scale", "(Ldev/selftune/selftest/OwnModes$Mode;D)D");

    @TempDir
    Path dir;

    @Test
    void verificationRows_enumParameter_everyConstantAndNullFromTheGivenLoader() throws Exception {
        ClassLoader l = loader(OWNER);
        Class<?> mode = Class.forName(MODE, false, l);
        List<Object[]> rows = Inputs.verificationRows(SCALE, true, Fixtures.generated(), l);
        Set<Object> seen = new HashSet<>();
        boolean nulls = false;
        for (Object[] r : rows) {
            nulls |= r[0] == null;
            if (r[0] != null) {
                assertTrue(mode.isInstance(r[0]), "a constant of " + r[0].getClass().getClassLoader() + ", not of the rows' loader");
                seen.add(r[0]);
            }
            assertTrue(r[1] instanceof Double);
        }
        assertEquals(Set.of(mode.getEnumConstants()), seen, "every constant is generated");
        assertTrue(nulls, "reshaped rows pass null for a reference parameter, an enum included");
    }

    @Test
    void check_enumParameter_passesButARandomParameterIsStillRefusedByName() {
        ClassLoader l = loader(OWNER);
        Inputs.check(SCALE, true, Fixtures.generated(), l);
        MethodRef withRandom = new MethodRef(OWNER, "scale", "(Ldev/selftune/selftest/OwnModes$Mode;Ljava/util/Random;)D");
        TuneException e = assertThrows(TuneException.class, () -> Inputs.check(withRandom, true, Fixtures.generated(), l));
        assertTrue(e.getMessage().contains("parameter 2") && e.getMessage().contains("java.util.Random"), e.getMessage());
    }

    @Test
    void verificationRows_capturedEnumConstantOfAStaticMethod_rebuiltInTheLoader() throws Exception {
        Path file = dir.resolve("scale.rows");
        Inputs.writeRows(file, List.<Object[]>of(new Object[] {CapturedObject.enumConstant(MODE, "WIDE"), 2.5}));
        ClassLoader l = loader(OWNER);
        Class<?> mode = Class.forName(MODE, false, l);
        List<Object[]> rows = Inputs.verificationRows(SCALE, true, new dev.selftune.inputs.InputSource(42, new int[] {16}, null, file), l);
        assertSame(mode.getEnumConstants()[1], rows.get(0)[0]);
        assertEquals(2.5, rows.get(0)[1]);
        assertTrue(rows.size() > 1000, "generated rows follow the captured ones: the enum is generatable");
    }
}
