package dev.selftune.measure;

import dev.selftune.inputs.Inputs;
import dev.selftune.util.ThreadAllocation;

/**
 * The bytes one JMH operation of a spec allocates, measured here by calling the method once on each of the
 * rows a fork would use (the same rows: {@link BoundMethod#bind}). Why not verification's average per call:
 * generated verification rows are mostly small, while a fork measures one row per {@code --sizes} entry, so a
 * transpose measured at 1024 x 1024 allocates an 8 MB result per call that the small rows' average misses.
 */
public final class OpAllocation {
    private OpAllocation() { }

    /**
     * Bytes allocated inside the calls of one operation (every row once, each on its own copy when the spec
     * copies arguments; the copies themselves not counted, as a fork refills its rows in place), from the
     * second of two passes so that class initialisation and first-call allocations do not count. A call that
     * throws counts what it allocated. NaN when the counter is missing, the method cannot be bound, or one
     * pass takes longer than {@code maxNanos}.
     */
    public static double bytesPerOp(BenchSpec spec, long maxNanos) {
        if (!ThreadAllocation.available()) {
            return Double.NaN;
        }
        try {
            BoundMethod bound = BoundMethod.bind(spec);
            double bytes = Double.NaN;
            for (int pass = 0; pass < 2; pass++) {
                long total = 0;
                long start = System.nanoTime();
                for (Object[] row : bound.rows()) {
                    Object[] args = spec.copyArgs() ? Inputs.copyRow(row) : row;
                    long a0 = ThreadAllocation.bytes();
                    try {
                        Object ignored = (Object) bound.invoker().invoke(args);
                    } catch (Exception e) {
                        // a row that throws allocates too; the fork keeps or drops it as its spec says
                    }
                    total += Math.max(0, ThreadAllocation.bytes() - a0);
                    if (System.nanoTime() - start > maxNanos) {
                        return Double.NaN;
                    }
                }
                bytes = total;
            }
            return bytes;
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError && !(e instanceof OutOfMemoryError)) {
                throw (VirtualMachineError) e;
            }
            return Double.NaN;
        }
    }
}
