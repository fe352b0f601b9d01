package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.inputs.CapturedObject;
import dev.selftune.inputs.InputSource;
import dev.selftune.inputs.Inputs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import java.io.ByteArrayInputStream;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

class StateCopyTest {
    static final class Node {
        final int value;
        Node next;
        Object held;

        Node(int value) {
            this.value = value;
        }

        int sum(int k) {
            return value + k + (held instanceof int[] h ? h.length : 0);
        }
    }

    static Object[] copy(Object... row) throws StateCopy.Refused {
        return new StateCopy(StateCopy.newFieldCache(), 1 << 20).row(row);
    }

    static String refusal(Object receiver) {
        return assertThrows(StateCopy.Refused.class, () -> copy(receiver)).getMessage();
    }

    @Test
    void row_receiverSharingAnArgumentAndACycle_keepsIdentityAndClonesArrays() throws Exception {
        Node a = new Node(1);
        a.next = a;
        int[] shared = {1, 2, 3};
        a.held = shared;
        Object[] row = copy(a, shared, 5);
        CapturedObject r = assertInstanceOf(CapturedObject.class, row[0]);
        assertEquals(Node.class.getName(), r.type());
        int[] copied = assertInstanceOf(int[].class, row[1]);
        assertTrue(copied != shared && copied[2] == 3, "arrays are cloned");
        assertEquals(5, row[2]);
        shared[0] = 99;
        assertEquals(1, copied[0], "the copy is taken at entry, before the method writes");
    }

    @Test
    void row_throughTheRowFile_rebuildsTheReceiverWithoutItsConstructor(@TempDir Path dir) throws Exception {
        Node a = new Node(1);
        a.next = a;
        a.held = new int[] {4, 5};
        Path file = dir.resolve("inputs.rows");
        Inputs.writeRows(file, List.<Object[]>of(copy(a, 3)));
        MethodRef sum = new MethodRef(Node.class.getName(), "sum", "(I)I");
        List<Object[]> rows = Inputs.verificationRows(sum, false, new InputSource(1, new int[] {16}, null, file),
                getClass().getClassLoader());
        Node back = assertInstanceOf(Node.class, rows.get(0)[0]);
        assertTrue(back != a && back.value == 1 && back.next == back, "a fresh copy, cycle kept");
        assertArrayEquals(new int[] {4, 5}, (int[]) back.held);
        assertEquals(3, rows.get(0)[1]);
        assertEquals(a.sum(3), back.sum(3));
        assertTrue(rows.size() > 100, "generated arguments follow, on rebuilt receivers: " + rows.size());
        assertTrue(rows.get(rows.size() - 1)[0] != back, "every row has its own receiver");
    }

    @Test
    void row_collectionsAndMapsThroughTheRowFile_rebuiltWithContentsAndSharing(@TempDir Path dir) throws Exception {
        Node a = new Node(1);
        int[] shared = {7};
        java.util.Map<String, Object> map = new java.util.HashMap<>();
        map.put("x", shared);
        map.put("list", new java.util.ArrayList<>(List.of(new Node(2), "s")));
        map.put("sorted", new java.util.TreeMap<>(java.util.Map.of(3, "c", 1, "a")));
        a.held = new Object[] {map, shared};
        Path file = dir.resolve("inputs.rows");
        Inputs.writeRows(file, List.<Object[]>of(copy(a, 3)));
        MethodRef sum = new MethodRef(Node.class.getName(), "sum", "(I)I");
        Node back = (Node) Inputs.verificationRows(sum, false, new InputSource(1, new int[] {16}, null, file),
                getClass().getClassLoader()).get(0)[0];
        Object[] held = (Object[]) back.held;
        java.util.Map<?, ?> m = assertInstanceOf(java.util.HashMap.class, held[0]);
        assertTrue(m.get("x") == held[1] && ((int[]) held[1])[0] == 7, "the array shared by the map and the array stays one");
        java.util.List<?> list = assertInstanceOf(java.util.ArrayList.class, m.get("list"));
        assertEquals(2, ((Node) list.get(0)).value);
        assertEquals("s", list.get(1));
        assertEquals(List.of(1, 3), List.copyOf(assertInstanceOf(java.util.TreeMap.class, m.get("sorted")).keySet()));
    }

    @Test
    void row_receiverHoldingAThread_refusedWithPathAndKind() {
        Node n = new Node(1);
        n.held = new Thread(() -> { });
        String why = refusal(n);
        assertTrue(why.contains("receiver.held") && why.contains("a thread"), why);
    }

    @Test
    void row_locksStreamsLoadersAndLambdas_refusedWithTheirKind() {
        Node lock = new Node(1);
        lock.held = new ReentrantLock();
        assertTrue(refusal(lock).contains("a lock"), refusal(lock));
        Node stream = new Node(1);
        stream.held = new ByteArrayInputStream(new byte[1]);
        assertTrue(refusal(stream).contains("a stream or channel"), refusal(stream));
        Node loader = new Node(1);
        loader.held = new java.net.URLClassLoader(new java.net.URL[0]);
        assertTrue(refusal(loader).contains("a class loader"), refusal(loader));
        Node lambda = new Node(1);
        lambda.held = (IntUnaryOperator) x -> x;
        assertTrue(refusal(lambda).contains("lambda"), refusal(lambda));
        Node jdk = new Node(1);
        jdk.held = new java.util.concurrent.atomic.AtomicLong();
        assertTrue(refusal(jdk).contains("java.util.concurrent.atomic.AtomicLong"), refusal(jdk));
        Node sorted = new Node(1);
        sorted.held = new java.util.TreeMap<String, Integer>(java.util.Comparator.reverseOrder());
        assertTrue(refusal(sorted).contains("ordered by a comparator"), refusal(sorted));
    }

    @Test
    void row_graphTooDeepTooWideOrTooBig_refusedWithTheBound() {
        Node head = new Node(0);
        Node at = head;
        for (int i = 1; i < StateCopy.MAX_DEPTH + 5; i++) {
            at.next = new Node(i);
            at = at.next;
        }
        assertTrue(refusal(head).contains("references deep"), refusal(head));
        Node wide = new Node(0);
        Object[] many = new Object[StateCopy.MAX_OBJECTS + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = new Node(i);
        }
        wide.held = many;
        assertTrue(refusal(wide).contains("more than " + StateCopy.MAX_OBJECTS + " objects"), refusal(wide));
        Node big = new Node(0);
        big.held = new long[1 << 18];
        assertTrue(refusal(big).contains("bigger than"), refusal(big));
    }

    @Test
    void row_plainLockObjectAndEnum_copied() throws Exception {
        Node n = new Node(1);
        n.held = new Object[] {new Object(), java.util.concurrent.TimeUnit.SECONDS};
        CapturedObject r = assertInstanceOf(CapturedObject.class, copy(n)[0]);
        assertEquals(Node.class.getName(), r.type());
    }

    @Test
    void sink_uncopyableReceiverWithoutFallback_closesAfterRefusalsWithReason() {
        CaptureSink sink = new CaptureSink(100, 1 << 20, true, false);
        Node n = new Node(1);
        n.held = new Thread(() -> { });
        for (int i = 0; i < 10; i++) {
            sink.accept(new Object[] {n, 3});
        }
        assertEquals(0, sink.rows().size());
        assertEquals(CaptureSink.MAX_REFUSALS, sink.unsupported(), "stops walking the receiver once it proved uncopyable");
        assertEquals(0, sink.full().getCount(), "closed: capture ends early");
        assertTrue(sink.refusal().contains("a thread"), sink.refusal());
    }

    @Test
    void sink_uncopyableReceiverWithFallback_keepsArgumentOnlyRows() {
        CaptureSink sink = new CaptureSink(100, 1 << 20, true, true);
        Node n = new Node(1);
        n.held = new ReentrantLock();
        for (int i = 0; i < 5; i++) {
            sink.accept(new Object[] {n, i});
        }
        assertEquals(2, sink.rows().size());
        assertEquals(1, sink.rows().get(0).length);
        assertEquals(false, sink.rowsHaveReceiver());
    }

    @Test
    void sink_copyableReceiver_rowsStartWithItsState() {
        CaptureSink sink = new CaptureSink(100, 1 << 20, true, false);
        sink.accept(new Object[] {new Node(7), new int[] {1}});
        assertEquals(1, sink.rows().size());
        assertInstanceOf(CapturedObject.class, sink.rows().get(0)[0]);
        assertTrue(sink.rowsHaveReceiver());
        assertNull(sink.refusal());
    }

    @Test
    void neverCopied_jdkObjectsOutsideTheCopiedKinds_namedOthersMaybe() {
        for (Class<?> c : new Class<?>[] {java.util.concurrent.atomic.AtomicLong.class, java.util.Locale.class,
                java.util.concurrent.atomic.AtomicLong[].class}) {
            String why = StateCopy.neverCopied(c);
            assertTrue(why != null && why.contains("JDK object"), c + ": " + why);
        }
        for (Class<?> c : new Class<?>[] {int.class, String.class, Integer.class, Number.class, Object.class, java.util.List.class,
                java.util.AbstractList.class, java.util.concurrent.TimeUnit.class, StateCopyTest.class, double[][].class,
                java.util.Random.class, java.math.BigInteger.class, java.time.LocalDate.class, java.util.Random[].class}) {
            assertEquals(null, StateCopy.neverCopied(c), c.getName());
        }
    }

    @Test
    void arguments_jdkValueClasses_copiedInTheirSerialForm() throws Exception {
        java.util.Random rnd = new java.util.Random(42);
        rnd.nextInt();
        java.math.BigDecimal price = new java.math.BigDecimal("12345.678901234567890");
        java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 30);
        java.util.BitSet bits = java.util.BitSet.valueOf(new long[] {5L, -1L});
        StateCopy copy = new StateCopy(StateCopy.newFieldCache(), 1 << 20);
        Object[] row = copy.arguments(new Object[] {rnd, price, day, bits, java.util.UUID.nameUUIDFromBytes(new byte[] {1})});
        for (Object o : row) {
            assertTrue(o instanceof dev.selftune.inputs.CapturedObject c && c.toString().contains("serial form"), String.valueOf(o));
        }
        assertEquals(5, row.length);
    }

    @Test
    void arguments_jdkObjectOutsideTheValueClasses_refusedNamingIt() {
        StateCopy copy = new StateCopy(StateCopy.newFieldCache(), 1 << 20);
        StateCopy.Refused r = assertThrows(StateCopy.Refused.class,
                () -> copy.arguments(new Object[] {new java.util.concurrent.atomic.AtomicLong(3)}));
        assertTrue(r.getMessage().contains("java.util.concurrent.atomic.AtomicLong"), r.getMessage());
    }
}
