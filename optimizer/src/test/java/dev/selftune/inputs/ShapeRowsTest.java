package dev.selftune.inputs;

import static dev.selftune.inputs.Fixtures.LOOPS;
import static dev.selftune.inputs.Fixtures.loader;
import static dev.selftune.inputs.Fixtures.ref;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verification rows shaped like real callers' (issue 8 §1): aliased, ragged, null; copies keep the shape. */
class ShapeRowsTest {
    private static final MethodRef MATMUL = ref(LOOPS, "matmul", "([[D[[D[[DI)V");
    private static final MethodRef SUM = ref(LOOPS, "sumSeq", "([D)D");

    @Test
    void verificationRows_matrices_includeAliasedRaggedAndNullShapes() {
        List<Object[]> rows = Inputs.verificationRows(MATMUL, true, Fixtures.generated(), loader(LOOPS));
        int sameArgument = 0, sharedWithin = 0, sharedAcross = 0, ragged = 0, nullRow = 0, nullArgument = 0;
        for (Object[] r : rows) {
            double[][] a = (double[][]) r[0], b = (double[][]) r[1], c = (double[][]) r[2];
            sameArgument += a != null && (a == b || a == c) || b != null && b == c ? 1 : 0;
            nullArgument += a == null || b == null || c == null ? 1 : 0;
            for (double[][] m : new double[][][] {a, b, c}) {
                if (m == null) {
                    continue;
                }
                for (int i = 0; i < m.length; i++) {
                    nullRow += m[i] == null ? 1 : 0;
                    ragged += m[i] != null && m[i].length != m.length ? 1 : 0;
                    for (int j = i + 1; j < m.length; j++) {
                        sharedWithin += m[i] != null && m[i] == m[j] ? 1 : 0;
                    }
                    for (double[][] o : new double[][][] {a, b, c}) {
                        if (o != null && o != m) {
                            for (double[] row : o) {
                                sharedAcross += m[i] != null && row == m[i] ? 1 : 0;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(sameArgument >= 10 && sharedWithin >= 10 && sharedAcross >= 10 && ragged >= 10 && nullRow >= 10
                && nullArgument >= 5, "same argument " + sameArgument + ", shared within " + sharedWithin + ", across "
                + sharedAcross + ", ragged " + ragged + ", null rows " + nullRow + ", null arguments " + nullArgument);
    }

    @Test
    void copyRow_aliasedArgumentsAndRows_copyKeepsTheAliasing() {
        double[] shared = {1, 2};
        double[][] m = {shared, shared, {3, 4}};
        Object[] copy = Inputs.copyRow(new Object[] {m, m, shared});
        double[][] c = (double[][]) copy[0];
        assertSame(copy[0], copy[1]);
        assertSame(c[0], c[1]);
        assertSame(c[0], copy[2]);
        assertNotSame(m, c);
        assertNotSame(shared, c[0]);
        assertNotSame(c[0], c[2]);
    }

    @Test
    void writeRowsReadRows_aliasedArguments_aliasingSurvivesTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        int[] a = {1, 2};
        java.nio.file.Path file = dir.resolve("rows.bin");
        Inputs.writeRows(file, List.<Object[]>of(new Object[] {a, a, 3}));
        Object[] back = Inputs.readRows(file).get(0);
        assertSame(back[0], back[1]);
    }

    /* With an FP tolerance, rows with an input beyond 1e150 skip the float comparison (verify/Differ):
     * the SPECIAL rows keep NaN and infinities checked on rows without huge magnitudes. */
    @Test
    void verificationRows_doubles_manyNonFiniteRowsWithoutHugeMagnitudes() {
        int checkable = 0;
        for (Object[] r : Inputs.verificationRows(SUM, true, Fixtures.generated(), loader(LOOPS))) {
            double[] d = (double[]) r[0];
            boolean nonFinite = false, huge = false;
            for (double x : d == null ? new double[0] : d) {
                nonFinite |= !Double.isFinite(x);
                huge |= Double.isFinite(x) && Math.abs(x) > 1e150;
            }
            checkable += nonFinite && !huge ? 1 : 0;
        }
        assertTrue(checkable >= 80, "rows with NaN or an infinity and no input beyond 1e150: " + checkable);
    }
}
