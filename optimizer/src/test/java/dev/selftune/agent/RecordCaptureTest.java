package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.TuneException;
import dev.selftune.inputs.CapturedObject;
import dev.selftune.inputs.InputSource;
import dev.selftune.inputs.Inputs;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records are captured by their components and rebuilt through their canonical constructor. */
class RecordCaptureTest {
    record Point(int x, int y) { }

    record Segment(Point from, Point to, String label) { }

    /** Non-public, holding an array the method writes. */
    private record Samples(int[] values, Point origin) { }

    record NonNegative(int[] counts) {
        NonNegative {
            for (int c : counts) {
                if (c < 0) {
                    throw new IllegalArgumentException("counts must not be negative, got " + c);
                }
            }
        }
    }

    record Holder(StateCopyTest.Node node) { }

    record Bag(Object[] items) { }

    /** A receiver whose state is a record field. */
    static final class Board {
        private final Segment segment;
        private int moves;

        Board(Segment segment) {
            this.segment = segment;
        }

        int move(int dx) {
            moves++;
            return segment.to().x() + dx + moves;
        }
    }

    static int length(Segment s) {
        return Math.abs(s.to().x() - s.from().x()) + Math.abs(s.to().y() - s.from().y());
    }

    static int bump(Samples s) {
        s.values()[0]++;
        return s.values().length;
    }

    static int total(NonNegative n) {
        return n.counts().length;
    }

    @TempDir
    Path dir;

    static Object[] arguments(Object... values) throws StateCopy.Refused {
        return new StateCopy(StateCopy.newFieldCache(), 1 << 20).arguments(values);
    }

    /* Captured rows written to a rows file and read back as tune reads them (rebuilt in this loader). */
    List<Object[]> roundTrip(String method, String descriptor, boolean isStatic, List<Object[]> captured) {
        Path file = dir.resolve(method + ".rows");
        Inputs.writeRows(file, captured);
        MethodRef m = new MethodRef((isStatic ? RecordCaptureTest.class : Board.class).getName(), method, descriptor);
        return Inputs.verificationRows(m, isStatic, new InputSource(1, new int[] {16}, null, file), getClass().getClassLoader());
    }

    static final String SEGMENT = "(L" + Segment.class.getName().replace('.', '/') + ";)I";

    @Test
    void arguments_nestedRecordSharingAComponent_rebuiltEqualWithSharingKept() throws Exception {
        Point p = new Point(1, 2);
        Segment s = new Segment(p, p, "zero");
        Object[] row = arguments(s);
        CapturedObject c = assertInstanceOf(CapturedObject.class, row[0]);
        assertEquals(Segment.class.getName() + "(from, to, label)", c.toString());
        Segment back = assertInstanceOf(Segment.class, roundTrip("length", SEGMENT, true, List.<Object[]>of(row)).get(0)[0]);
        assertEquals(s, back);
        assertNotSame(s, back);
        assertSame(back.from(), back.to(), "one Point shared by two components stays one");
    }

    @Test
    void arguments_nonPublicRecordHoldingAnArray_copiedAtEntryAndRebuiltFresh() throws Exception {
        int[] values = {5, 6, 7};
        Samples s = new Samples(values, new Point(0, 0));
        Object[] row = arguments(s);
        values[0] = 99;
        String descriptor = "(L" + Samples.class.getName().replace('.', '/') + ";)I";
        List<Object[]> rows = roundTrip("bump", descriptor, true, List.<Object[]>of(row, row));
        Samples back = assertInstanceOf(Samples.class, rows.get(0)[0]);
        assertArrayEquals(new int[] {5, 6, 7}, back.values(), "the array as it was when the call began");
        assertEquals(3, bump(back));
        assertEquals(6, back.values()[0]);
        Samples again = (Samples) rows.get(1)[0];
        assertTrue(again.values() != back.values() && again.values()[0] == 5, "every rebuild gets its own array");
    }

    @Test
    void row_receiverWithARecordField_rebuiltWithTheRecord() throws Exception {
        Board b = new Board(new Segment(new Point(0, 0), new Point(4, 3), "diag"));
        b.move(1);
        Object[] row = new StateCopy(StateCopy.newFieldCache(), 1 << 20).row(new Object[] {b, 2});
        Board back = assertInstanceOf(Board.class, roundTrip("move", "(I)I", false, List.<Object[]>of(row)).get(0)[0]);
        assertNotSame(b, back);
        assertEquals(b.segment, back.segment);
        assertEquals(b.move(2), back.move(2), "same state, same answer");
    }

    @Test
    void rebuild_compactConstructorRejectsACapturedRow_thatRowLeftOutOthersKept() throws Exception {
        NonNegative good = new NonNegative(new int[] {1, 2});
        NonNegative bad = new NonNegative(new int[] {3});
        bad.counts()[0] = -1;   // mutated after construction: the captured state is one the constructor refuses
        List<Object[]> captured = List.<Object[]>of(arguments(bad), arguments(good));
        String descriptor = "(L" + NonNegative.class.getName().replace('.', '/') + ";)I";
        List<Object[]> rows = roundTrip("total", descriptor, true, captured);
        assertEquals(1, rows.size(), "the refused row is left out");
        assertArrayEquals(new int[] {1, 2}, ((NonNegative) rows.get(0)[0]).counts());
    }

    @Test
    void rebuild_compactConstructorRejectsEveryRow_errorNamesTheRecordAndTheException() throws Exception {
        NonNegative bad = new NonNegative(new int[] {3});
        bad.counts()[0] = -4;
        String descriptor = "(L" + NonNegative.class.getName().replace('.', '/') + ";)I";
        TuneException e = assertThrows(TuneException.class, () -> roundTrip("total", descriptor, true, List.<Object[]>of(arguments(bad))));
        assertTrue(e.getMessage().contains("canonical constructor of record " + NonNegative.class.getName())
                && e.getMessage().contains("counts must not be negative, got -4"), e.getMessage());
    }

    @Test
    void arguments_cycleBackToARecord_refusedNamingThePath() {
        StateCopyTest.Node n = new StateCopyTest.Node(1);
        Holder h = new Holder(n);
        n.held = h;
        String why = assertThrows(StateCopy.Refused.class, () -> arguments(h)).getMessage();
        assertTrue(why.startsWith("argument 1.node.held leads back to the record argument 1 (" + Holder.class.getName() + ")"), why);
        Bag bag = new Bag(new Object[1]);
        bag.items()[0] = bag;
        why = assertThrows(StateCopy.Refused.class, () -> arguments(bag)).getMessage();
        assertTrue(why.startsWith("argument 1.items[0] leads back to the record argument 1"), why);
    }

    /* The capture refuses such a graph; a rows file that holds one anyway is refused when rebuilt. */
    @Test
    void rebuild_fileWithARecordReachingItself_refusedNamingTheRecord() {
        Object[] items = new Object[1];
        CapturedObject bag = CapturedObject.record(Bag.class.getName(), new String[] {"items"},
                new Object[] {CapturedObject.array(Object[].class.getName(), items)});
        items[0] = bag;
        String descriptor = "(L" + Bag.class.getName().replace('.', '/') + ";)I";
        TuneException e = assertThrows(TuneException.class, () -> roundTrip("size", descriptor, true, List.<Object[]>of(new Object[] {bag})));
        assertTrue(e.getMessage().contains("record " + Bag.class.getName() + " reaches itself"), e.getMessage());
    }

    static int size(Bag b) {
        return b.items().length;
    }

    @Test
    void row_cycleThroughARecordThatStartsAtAPlainObject_copiedAndRebuiltWithTheCycle() throws Exception {
        StateCopyTest.Node n = new StateCopyTest.Node(7);
        n.held = new Holder(n);   // the node is allocated first on rebuild, so the record can point back to it
        Object[] row = new StateCopy(StateCopy.newFieldCache(), 1 << 20).row(new Object[] {n, 1});
        Path file = dir.resolve("cycle.rows");
        Inputs.writeRows(file, List.<Object[]>of(row));
        MethodRef sum = new MethodRef(StateCopyTest.Node.class.getName(), "sum", "(I)I");
        StateCopyTest.Node back = (StateCopyTest.Node) Inputs.verificationRows(sum, false,
                new InputSource(1, new int[] {16}, null, file), getClass().getClassLoader()).get(0)[0];
        assertSame(back, ((Holder) back.held).node(), "the cycle is kept");
    }

    @Test
    void arguments_recordOverTheObjectBound_refusedWithTheBound() {
        Object[] items = new Object[StateCopy.MAX_OBJECTS + 1];
        for (int i = 0; i < items.length; i++) {
            items[i] = new Point(i, i);
        }
        String why = assertThrows(StateCopy.Refused.class, () -> arguments(new Bag(items))).getMessage();
        assertTrue(why.contains("more than " + StateCopy.MAX_OBJECTS + " objects"), why);
    }

    /* Differ#diff (self-improve's comparison) takes Snapshot records: its receiver and arguments are captured,
     * rebuilt, and the rebuilt call answers what the original did. */
    @Test
    void row_differDiffOnSnapshotRecords_capturedAndRebuiltAnswerTheSame() throws Exception {
        Class<?> snapshot = Class.forName("dev.selftune.verify.Snapshot");
        Method of = snapshot.getDeclaredMethod("of", Object.class);
        of.setAccessible(true);
        StateCopyTest.Node left = new StateCopyTest.Node(1);
        left.next = left;
        left.held = new int[] {1, 2, 3};
        StateCopyTest.Node right = new StateCopyTest.Node(1);
        right.next = right;
        right.held = new Object[] {List.of("a"), new double[] {0.5}};
        Object a = of.invoke(null, left);
        Object b = of.invoke(null, right);
        assertTrue(a.getClass().isRecord(), a.getClass().getName());
        Class<?> differ = Class.forName("dev.selftune.verify.Differ");
        Constructor<?> make = differ.getDeclaredConstructor(Double.class, double.class);
        make.setAccessible(true);
        Object d = make.newInstance(null, 3.0);
        Method diff = differ.getDeclaredMethod("diff", Object.class, Object.class, String.class);
        diff.setAccessible(true);
        Object expected = diff.invoke(d, a, b, "value");
        assertTrue(expected != null && expected.toString().contains("held"), String.valueOf(expected));

        Object[] row = new StateCopy(StateCopy.newFieldCache(), 1 << 20).row(new Object[] {d, a, b, "value"});
        Path file = dir.resolve("diff.rows");
        Inputs.writeRows(file, List.<Object[]>of(row));
        MethodRef m = new MethodRef(differ.getName(), "diff", "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/String;");
        Object[] back = Inputs.verificationRows(m, false, new InputSource(1, new int[] {16}, null, file), getClass().getClassLoader()).get(0);
        assertEquals(a.getClass(), back[1].getClass());
        assertNull(diff.invoke(d, a, back[1], "value"), "the rebuilt snapshot equals the captured one");
        assertEquals(expected, diff.invoke(back[0], back[1], back[2], back[3]));
    }
}
