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
import org.objectweb.asm.tree.InsnNode;

/** A receiver captured by the agent (no no-arg constructor) is rebuilt per sandbox and compared after every call. */
class CapturedReceiverTest {
    static final String LEDGER = "dev.selftune.verify.specimens.Ledger";

    @TempDir
    Path dir;

    /* Three captured calls on ledgers in states no constructor call alone produces. */
    InputSource captured() throws ClassNotFoundException {
        Class<?> ledger = Class.forName(LEDGER);
        String[] keys = {CapturedObject.key(ledger, "slots"), CapturedObject.key(ledger, "total"), CapturedObject.key(ledger, "writes")};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            long[] slots = new long[i * 2];
            slots[0] = 5L * i;
            CapturedObject state = CapturedObject.object(LEDGER, keys.clone(), new Object[] {slots, 5L * i, i});
            rows.add(new Object[] {state, i, 10L * i});
        }
        Path file = dir.resolve("inputs.rows");
        Inputs.writeRows(file, rows);
        return new InputSource(7, new int[] {16}, null, file);
    }

    @Test
    void verify_identicalVariantOnCapturedReceivers_passesOnAtLeast100Rows() throws Exception {
        Target t = VerifierTest.target(LEDGER, "post", "(IJ)J", false);
        Verdict v = new Verifier(t, captured(), null).verify(VerifierTest.variant(t.classBytes()));
        assertInstanceOf(Verdict.Passed.class, v, v::toString);
        assertTrue(v.inputsChecked() >= Verifier.MIN_CHECKED_ROWS, "checked " + v.inputsChecked());
    }

    @Test
    void verify_variantCountsWritesTwice_rejectedOnTheReceiverField() throws Exception {
        Target t = VerifierTest.target(LEDGER, "post", "(IJ)J", false);
        byte[] b = VerifierTest.edit(LEDGER, "post", m -> VerifierTest.replace(m, Opcodes.ICONST_1, new InsnNode(Opcodes.ICONST_2)));
        Verdict.Rejected r = VerifierTest.rejected(new Verifier(t, captured(), null).verify(VerifierTest.variant(b)), "receiver");
        assertTrue(r.reason().contains("writes"), r.reason());
    }
}
