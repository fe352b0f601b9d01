package dev.selftune.verify;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Verdict;
import dev.selftune.inputs.CapturedObject;
import dev.selftune.inputs.InputSource;
import dev.selftune.inputs.Inputs;
import dev.selftune.target.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.LdcInsnNode;

/** A captured record (receiver or argument) is rebuilt per sandbox and compared by its components after every call. */
class CapturedRecordTest {
    static final String HISTOGRAM = "dev.selftune.verify.specimens.Histogram";

    @TempDir
    Path dir;

    static CapturedObject histogram(int i) {
        long[] bins = new long[1 + i % 5];
        bins[0] = i;
        return CapturedObject.record(HISTOGRAM, new String[] {"bins", "width"}, new Object[] {bins, 1 + i % 3});
    }

    /* Captured calls: receiver first for add(int), or the record as the static mark's argument 1. */
    InputSource captured(boolean receiver, int rows) {
        List<Object[]> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            out.add(receiver ? new Object[] {histogram(i), 7 * i} : new Object[] {histogram(i), 3 * i});
        }
        Path file = dir.resolve("inputs.rows");
        Inputs.writeRows(file, out);
        return new InputSource(7, new int[] {16}, null, file);
    }

    @Test
    void verify_identicalVariantOnCapturedRecordReceivers_passes() {
        Target t = VerifierTest.target(HISTOGRAM, "add", "(I)I", false);
        Verdict v = new Verifier(t, captured(true, 3), null).verify(VerifierTest.variant(t.classBytes()));
        assertInstanceOf(Verdict.Passed.class, v, v::toString);
        assertTrue(v.inputsChecked() >= Verifier.MIN_CHECKED_ROWS, "checked " + v.inputsChecked());
    }

    @Test
    void verify_variantWritesTheRecordReceiversArrayDifferently_rejectedOnTheComponent() {
        Target t = VerifierTest.target(HISTOGRAM, "add", "(I)I", false);
        byte[] b = VerifierTest.edit(HISTOGRAM, "add", m -> VerifierTest.replace(m, Opcodes.LCONST_1, new LdcInsnNode(2L)));
        Verdict.Rejected r = VerifierTest.rejected(new Verifier(t, captured(true, 3), null).verify(VerifierTest.variant(b)), "receiver");
        assertTrue(r.reason().contains("bins"), r.reason());
    }

    @Test
    void verify_variantWritesTheRecordArgumentsArrayDifferently_rejectedOnArgumentOne() {
        String desc = "(Ldev/selftune/verify/specimens/Histogram;I)I";
        Target t = VerifierTest.target(HISTOGRAM, "mark", desc, true);
        InputSource src = captured(false, Verifier.MIN_CHECKED_ROWS + 20);
        Verdict ok = new Verifier(t, src, null).verify(VerifierTest.variant(t.classBytes()));
        assertInstanceOf(Verdict.Passed.class, ok, ok::toString);
        byte[] b = VerifierTest.edit(HISTOGRAM, "mark", m -> VerifierTest.replace(m, Opcodes.LCONST_1, new LdcInsnNode(2L)));
        Verdict.Rejected r = VerifierTest.rejected(new Verifier(t, src, null).verify(VerifierTest.variant(b)), "argument 1");
        assertTrue(r.reason().contains("bins"), r.reason());
    }
}
