package dev.selftune.inputs;

import static dev.selftune.inputs.Fixtures.NO_DEFAULT;
import static dev.selftune.inputs.Fixtures.SHAPES;
import static dev.selftune.inputs.Fixtures.loader;
import static dev.selftune.inputs.Fixtures.ref;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.TuneException;
import org.junit.jupiter.api.Test;

class InputsCheckTest {
    private static final MethodRef PICK = ref(SHAPES, "pick", "([II)I");

    private static String failure(MethodRef m, boolean isStatic, InputSource src, String owner) {
        TuneException e = assertThrows(TuneException.class, () -> Inputs.check(m, isStatic, src, loader(owner)));
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "'" + message + "' should contain '" + p + "'");
        }
    }

    @Test
    void check_listParameterWithoutProvider_namesParameterAndAdvisesInputs() {
        MethodRef m = ref(SHAPES, "size", "(Ljava/util/List;)I");
        assertContains(failure(m, true, Fixtures.generated(), SHAPES),
                "parameter 1 of " + m, "has type java.util.List", "cannot generate", "pass --inputs <class>#<static method returning Object[][]>");
    }

    @Test
    void check_instanceMethodWithoutNoArgConstructor_advisesInputs() {
        assertContains(failure(ref(NO_DEFAULT, "plus", "(I)I"), false, Fixtures.generated(), NO_DEFAULT),
                "no no-arg constructor", "--inputs");
    }

    @Test
    void check_generatableParameters_passes() {
        assertDoesNotThrow(() -> Inputs.check(PICK, true, Fixtures.generated(), loader(SHAPES)));
    }

    @Test
    void check_goodProvider_passes() {
        assertDoesNotThrow(() -> Inputs.check(PICK, true, Fixtures.provider(SHAPES + "#good"), loader(SHAPES)));
    }

    @Test
    void check_providerClassMissing_saysNotFound() {
        assertContains(failure(PICK, true, Fixtures.provider("com.acme.Nope#rows"), SHAPES), "com.acme.Nope", "not found");
    }

    @Test
    void check_providerMethodMissing_saysNotFound() {
        assertContains(failure(PICK, true, Fixtures.provider(SHAPES + "#nope"), SHAPES), "nope", "not found");
    }

    @Test
    void check_providerNotStatic_saysStatic() {
        assertContains(failure(PICK, true, Fixtures.provider(SHAPES + "#notStatic"), SHAPES), "not static");
    }

    @Test
    void check_providerTakesParameters_saysNoArg() {
        assertContains(failure(PICK, true, Fixtures.provider(SHAPES + "#takesArgs"), SHAPES), "takes parameters");
    }

    @Test
    void check_providerReturnsWrongType_saysObjectArrayArray() {
        assertContains(failure(PICK, true, Fixtures.provider(SHAPES + "#wrongReturn"), SHAPES), "int[][]", "not Object[][]");
    }

    @Test
    void check_providerReturnsNullOrEmpty_saysSo() {
        assertContains(failure(PICK, true, Fixtures.provider(SHAPES + "#returnsNull"), SHAPES), "returned null");
        assertContains(failure(PICK, true, Fixtures.provider(SHAPES + "#empty"), SHAPES), "returned no rows");
    }

    @Test
    void check_rowOfWrongArity_namesRow() {
        assertContains(failure(PICK, true, Fixtures.provider(SHAPES + "#wrongArity"), SHAPES), "row 1", "has 1 values", "takes 2");
    }

    @Test
    void check_valueOfWrongType_namesRowAndParameter() {
        assertContains(failure(PICK, true, Fixtures.provider(SHAPES + "#wrongType"), SHAPES),
                "row 0", "parameter 1", "java.lang.String", "int[]");
        assertContains(failure(PICK, true, Fixtures.provider(SHAPES + "#boxedLong"), SHAPES),
                "row 0", "parameter 2", "java.lang.Long", "not assignable to int");
    }

    @Test
    void check_instanceProviderRowWithoutReceiver_saysReceiverFirst() {
        MethodRef add = ref(Fixtures.COUNTER, "add", "([I)J");
        assertContains(failure(add, false, Fixtures.provider(SHAPES + "#good"), Fixtures.COUNTER), "receiver");
    }

    @Test
    void check_malformedProviderSpec_showsTheForm() {
        assertContains(failure(PICK, true, Fixtures.provider("noHash"), SHAPES), "<binary class name>#<static method");
    }
}
