package dev.selftune.measure;

/**
 * Another JMH process held JMH's machine-wide lock ({@code java.io.tmpdir/jmh.lock}) for longer than
 * the caller allowed. Nothing was measured; the candidate is not to blame, so this is not a
 * {@link MeasureFailure}.
 */
public final class JmhLockTimeout extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JmhLockTimeout(long waitedMillis) {
        super(String.format("another JMH run held the machine's JMH lock (%s/jmh.lock) for the %.0f s this run could wait;"
                + " selftune measures one thing at a time on purpose: run it when the other benchmark has finished",
                System.getProperty("java.io.tmpdir"), waitedMillis / 1000.0));
    }
}
