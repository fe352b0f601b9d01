package dev.selftune.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Collects deep copies of captured argument lists, bounded in calls and bytes: primitives, Strings and their
 * arrays directly, other values (enums, objects, plain collections) by {@link StateCopy}; rows holding a
 * value no copy can stand for are counted and dropped, the first one's reason kept.
 * For an instance method each list starts with the receiver, copied with its state by {@link StateCopy}.
 */
final class CaptureSink implements Consumer<Object[]> {
    /*
     * Runs on host threads, inside the host's method: it must be quick and never throw (the advice
     * suppresses Throwable as a second line). Arrays are cloned at entry, before the method can
     * mutate them; Strings are immutable and kept by reference. Once full, accept() is one volatile
     * read, so the remaining time until the hook is removed costs the host next to nothing.
     */
    /*
     * An instance method's row is receiver + arguments, copied by StateCopy as one graph. When the
     * receiver cannot be copied (MAX_REFUSALS calls in a row, none copied yet), walking it again on
     * every call would only cost the host: the sink stops trying. It then keeps argument-only rows
     * when tune can make receivers itself (a no-arg constructor, argsOnlyFallback), else closes
     * and keeps the first refusal as the reason the method is skipped.
     */
    static final int MAX_REFUSALS = 3;

    private final int maxCalls;
    private final long maxBytes;
    private final boolean receiverFirst;
    private final boolean argsOnlyFallback;
    private final java.util.Map<Class<?>, java.lang.reflect.Field[]> fieldCache = StateCopy.newFieldCache();
    private final List<Object[]> rows = new ArrayList<>();
    private boolean copyReceiver;
    private int refusedInARow;
    private String refusal;
    private final CountDownLatch full = new CountDownLatch(1);
    private volatile boolean closed;
    private long bytes;
    private long calls;
    private long unsupported;

    CaptureSink(int maxCalls, long maxBytes) {
        this(maxCalls, maxBytes, false, false);
    }

    /**
     * A sink for calls whose first value is the receiver when {@code receiverFirst}; with
     * {@code argsOnlyFallback} it keeps argument-only rows once the receiver proves uncopyable.
     */
    CaptureSink(int maxCalls, long maxBytes, boolean receiverFirst, boolean argsOnlyFallback) {
        this.maxCalls = maxCalls;
        this.maxBytes = maxBytes;
        this.receiverFirst = receiverFirst;
        this.argsOnlyFallback = argsOnlyFallback;
        this.copyReceiver = receiverFirst;
    }

    @Override
    public void accept(Object[] args) {
        if (closed || args == null) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            calls++;
            if (copyReceiver) {
                acceptWithReceiver(args);
                return;
            }
            if (receiverFirst) {
                if (!argsOnlyFallback) {
                    return;
                }
                args = java.util.Arrays.copyOfRange(args, 1, args.length);
            }
            long[] size = {0};
            Object[] row = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                row[i] = sameAsEarlier(args, i) >= 0 ? row[sameAsEarlier(args, i)] : copy(args[i], size);
                if (row[i] == UNSUPPORTED) {
                    acceptObjects(args);
                    return;
                }
            }
            keep(row, size[0]);
        }
    }

    /*
     * Arguments beyond primitives, Strings and their arrays (an enum constant, an application
     * object, a plain collection) are copied by StateCopy, as a receiver's state is: a static
     * method taking an enum was otherwise never captured, and silently (self-improve's
     * ValueGenerator#real(Mode, Random) was hot, called 200k times, and recorded nothing). A value
     * no copy can stand for (java.util.Random: a JDK object closed to reflection) is refused with
     * its path and rule; MAX_REFUSALS in a row before any row close the sink, so the host stops paying.
     */
    private void acceptObjects(Object[] args) {
        StateCopy copy = new StateCopy(fieldCache, maxBytes);
        Object[] row;
        try {
            row = copy.arguments(args);
        } catch (StateCopy.Refused | RuntimeException | LinkageError r) {
            unsupported++;
            String why = r instanceof StateCopy.Refused ? r.getMessage() : "an argument could not be read (" + r + ")";
            refusal = refusal == null ? why : refusal;
            if (++refusedInARow >= MAX_REFUSALS && rows.isEmpty()) {
                close();
            }
            return;
        }
        keep(row, copy.bytes());
    }

    private void acceptWithReceiver(Object[] args) {
        StateCopy copy = new StateCopy(fieldCache, maxBytes);
        Object[] row;
        try {
            row = copy.row(args);
        } catch (StateCopy.Refused | RuntimeException | LinkageError r) {
            /* Reflection can fail in ways no rule foresees (a field type missing from the class
             * path); nothing may reach the host's method, whose hook has no handler of its own. */
            unsupported++;
            String why = r instanceof StateCopy.Refused ? r.getMessage() : "the receiver could not be read (" + r + ")";
            refusal = refusal == null ? why : refusal;
            if (++refusedInARow >= MAX_REFUSALS && rows.isEmpty()) {
                copyReceiver = false;
                refusedInARow = 0;   // the argument-only rows count their own refusals
                if (!argsOnlyFallback) {
                    close();
                }
            }
            return;
        }
        keep(row, copy.bytes());
    }

    /* A copied row is kept while the byte and call limits allow; reaching either closes the sink. */
    private void keep(Object[] row, long copiedBytes) {
        refusedInARow = 0;
        if (bytes + copiedBytes > maxBytes) {
            close();
            return;
        }
        bytes += copiedBytes;
        rows.add(row);
        if (rows.size() >= maxCalls) {
            close();
        }
    }

    private static final Object UNSUPPORTED = new Object();

    /* f(a, a): the captured row passes one copy twice, so verification sees the caller's aliasing. */
    private static int sameAsEarlier(Object[] args, int i) {
        for (int k = 0; k < i; k++) {
            if (args[i] != null && args[k] == args[i] && args[i].getClass().isArray()) {
                return k;
            }
        }
        return -1;
    }

    static Object copy(Object v, long[] size) {
        /* only the java.lang boxes are immutable: an AtomicLong or a user's Number subclass was once
           shared by reference here (mutable, and then refused when the file was read back) */
        if (v == null || StateCopy.isImmutableBox(v)) {
            size[0] += 16;
            return v;
        }
        if (v instanceof String s) {
            size[0] += 40 + 2L * s.length();
            return s;
        }
        if (v instanceof int[] a) { size[0] += 16 + 4L * a.length; return a.clone(); }
        if (v instanceof long[] a) { size[0] += 16 + 8L * a.length; return a.clone(); }
        if (v instanceof double[] a) { size[0] += 16 + 8L * a.length; return a.clone(); }
        if (v instanceof float[] a) { size[0] += 16 + 4L * a.length; return a.clone(); }
        if (v instanceof byte[] a) { size[0] += 16 + a.length; return a.clone(); }
        if (v instanceof short[] a) { size[0] += 16 + 2L * a.length; return a.clone(); }
        if (v instanceof char[] a) { size[0] += 16 + 2L * a.length; return a.clone(); }
        if (v instanceof boolean[] a) { size[0] += 16 + a.length; return a.clone(); }
        if (v instanceof Object[] a && (a.getClass() == String[].class || a.getClass().getComponentType().isArray())) {
            Object[] c = (Object[]) java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), a.length);
            size[0] += 16 + 4L * a.length;
            for (int i = 0; i < a.length; i++) {
                Object e = copy(a[i], size);
                if (e == UNSUPPORTED) {
                    return UNSUPPORTED;
                }
                c[i] = e;
            }
            return c;
        }
        return UNSUPPORTED;
    }

    /** Stops accepting rows and releases whoever waits for the sink to fill. */
    void close() {
        closed = true;
        full.countDown();
    }

    CountDownLatch full() {
        return full;
    }

    synchronized List<Object[]> rows() {
        return new ArrayList<>(rows);
    }

    synchronized long calls() {
        return calls;
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized long unsupported() {
        return unsupported;
    }

    /** Why the first uncopyable receiver or argument could not be copied, or null. */
    synchronized String refusal() {
        return refusal;
    }

    /** True when the rows start with the receiver (an instance method whose receiver was copied). */
    synchronized boolean rowsHaveReceiver() {
        return receiverFirst && copyReceiver && !rows.isEmpty();
    }
}
