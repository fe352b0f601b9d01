package dev.selftune.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.TuneException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapturedRowsTest {
    static final MethodRef PLUS = Fixtures.ref(Fixtures.NO_DEFAULT, "plus", "(I)I");

    @TempDir
    Path dir;

    InputSource file(List<Object[]> rows) {
        Path f = dir.resolve("rows.bin");
        Inputs.writeRows(f, rows);
        return new InputSource(3, new int[] {16}, null, f);
    }

    static CapturedObject noDefault(String field, Object value) {
        return CapturedObject.object(Fixtures.NO_DEFAULT, new String[] {Fixtures.NO_DEFAULT + "." + field}, new Object[] {value});
    }

    @Test
    void verificationRows_capturedReceiverOfClassWithoutNoArgConstructor_rebuiltInTheLoader() throws Exception {
        ClassLoader l = Fixtures.loader(Fixtures.NO_DEFAULT);
        List<Object[]> rows = Inputs.verificationRows(PLUS, false, file(List.<Object[]>of(new Object[] {noDefault("base", 41), 1})), l);
        Class<?> owner = Class.forName(Fixtures.NO_DEFAULT, false, l);
        assertTrue(owner.isInstance(rows.get(0)[0]) && owner.getClassLoader() == l, "rebuilt in the sandbox's loader");
        assertEquals(42, owner.getMethod("plus", int.class).invoke(rows.get(0)[0], 1));
        assertTrue(rows.size() > 1000, "generated arguments follow on rebuilt receivers: " + rows.size());
    }

    @Test
    void measurementRows_capturedReceiver_rebuiltForTheJmhFork() throws Throwable {
        ClassLoader l = Fixtures.loader(Fixtures.NO_DEFAULT);
        Class<?> owner = Class.forName(Fixtures.NO_DEFAULT, false, l);
        java.lang.invoke.MethodHandle probe = java.lang.invoke.MethodHandles.publicLookup().findVirtual(owner, "plus",
                java.lang.invoke.MethodType.methodType(int.class, int.class));
        List<Object[]> rows = Inputs.measurementRows(PLUS, false, file(List.<Object[]>of(new Object[] {noDefault("base", 41), 1})), l, probe);
        assertEquals(1, rows.size(), "captured rows only, as the agent's calls");
        assertEquals(42, probe.invoke(rows.get(0)[0], (int) rows.get(0)[1]));
    }

    @Test
    void verificationRows_capturedRecord_rebuiltThroughItsCanonicalConstructor() throws Exception {
        String span = "dev.selftune.verify.specimens.Span";
        CapturedObject state = CapturedObject.record(span, new String[] {"from", "to"}, new Object[] {2, 9});
        ClassLoader l = Fixtures.loader(span);
        List<Object[]> rows = Inputs.verificationRows(Fixtures.ref(span, "width", "(I)I"), false,
                file(List.<Object[]>of(new Object[] {state, 1})), l);
        assertEquals(8, Class.forName(span, false, l).getMethod("width", int.class).invoke(rows.get(0)[0], 1));
        CapturedObject bad = CapturedObject.record(span, new String[] {"from", "to"}, new Object[] {9, 2});
        TuneException e = assertThrows(TuneException.class, () -> Inputs.check(Fixtures.ref(span, "width", "(I)I"), false,
                file(List.<Object[]>of(new Object[] {bad, 1})), Fixtures.loader(span)));
        assertTrue(e.getMessage().contains("canonical constructor of record"), e.getMessage());
    }

    /* Generated arguments run on the captured receivers in turn: one the record's constructor refuses is never used. */
    @Test
    void verificationRows_oneCapturedRecordReceiverRefused_generatedRowsUseTheOthers() throws Exception {
        String span = "dev.selftune.verify.specimens.Span";
        CapturedObject good = CapturedObject.record(span, new String[] {"from", "to"}, new Object[] {2, 9});
        CapturedObject bad = CapturedObject.record(span, new String[] {"from", "to"}, new Object[] {9, 2});
        ClassLoader l = Fixtures.loader(span);
        List<Object[]> rows = Inputs.verificationRows(Fixtures.ref(span, "width", "(I)I"), false,
                file(List.<Object[]>of(new Object[] {bad, 1}, new Object[] {good, 1})), l);
        java.lang.reflect.Method width = Class.forName(span, false, l).getMethod("width", int.class);
        assertTrue(rows.size() > 100, "generated rows follow: " + rows.size());
        for (Object[] r : rows) {
            assertEquals(7, width.invoke(r[0], 0), "every receiver is the one the constructor accepts");
        }
    }

    @Test
    void check_receiverNamingAJdkClass_refusedAsNotTheApplications() {
        CapturedObject list = CapturedObject.object("java.util.ArrayList", new String[0], new Object[0]);
        TuneException e = assertThrows(TuneException.class, () -> Inputs.check(PLUS, false,
                file(List.<Object[]>of(new Object[] {list, 1})), Fixtures.loader(Fixtures.NO_DEFAULT)));
        assertTrue(e.getMessage().contains("row 0") && e.getMessage().contains("only the application's own classes"), e.getMessage());
    }

    @Test
    void check_capturedFieldTheClassNoLongerHas_namesTheField() {
        TuneException e = assertThrows(TuneException.class, () -> Inputs.check(PLUS, false,
                file(List.<Object[]>of(new Object[] {noDefault("offset", 1), 1})), Fixtures.loader(Fixtures.NO_DEFAULT)));
        assertTrue(e.getMessage().contains("no instance field " + Fixtures.NO_DEFAULT + ".offset"), e.getMessage());
    }

    @Test
    void check_rowsWithAndWithoutReceiver_refusedAsMixed() {
        TuneException e = assertThrows(TuneException.class, () -> Inputs.check(PLUS, false,
                file(List.<Object[]>of(new Object[] {noDefault("base", 1), 1}, new Object[] {2})), Fixtures.loader(Fixtures.NO_DEFAULT)));
        assertTrue(e.getMessage().contains("mixes rows"), e.getMessage());
    }

    @Test
    void check_capturedReceiverOfAnotherClass_refusedAsNotAReceiver() {
        CapturedObject other = CapturedObject.object(Fixtures.COUNTER, new String[0], new Object[0]);
        TuneException e = assertThrows(TuneException.class, () -> Inputs.check(PLUS, false,
                file(List.<Object[]>of(new Object[] {other, 1})), Fixtures.loader(Fixtures.NO_DEFAULT)));
        assertTrue(e.getMessage().contains("not a receiver of type"), e.getMessage());
    }
}
