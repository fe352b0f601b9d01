package dev.selftune.generate.specimens;

/**
 * Loops that read the same fields, array lengths and pure calls every iteration, written the way
 * application code writes them: through an object's fields, with a helper call inside. Null holders
 * and loops that run zero times come with the inputs ((n & 3) == 0 makes the holder null).
 */
public final class Invariants {
    private static double scaleStatic = 1.5;
    private static int calls;
    private double[] data;
    private int size;
    private double factor;

    private Invariants() { }

    /** A plain holder of another class, as a signal or a matrix object is. */
    public static final class Holder {
        public double[] data;
        public double gain;
        public volatile int version;

        public Holder(double[] data, int n) {
            this.data = data;
            this.gain = n * 0.25;
        }
    }

    /** for (i < this.size) total += this.data[i] * scale(this.factor): the bound, the array and the call are invariant. */
    public double scaledTotal(double[] d, int n) {
        this.data = d;
        this.size = n < 0 ? n : Math.min(n, d.length + (n & 1));
        this.factor = n * 0.5;
        double total = 0;
        for (int i = 0; i < this.size; i++) {
            total += this.data[i] * scale(this.factor);
        }
        return total;
    }

    /* Pure: branches, Math calls, no memory. */
    private static double scale(double f) {
        double x = Math.abs(f);
        if (x > 40) {
            return Math.log1p(x);
        }
        return x < 1e-3 ? 1.0 : Math.sqrt(x) / (1 + x);
    }

    /** Reads h.gain and h.data.length every iteration around a call; h may be null: NPE after a[0] was written. */
    public static double holderSum(double[] a, int n) {
        Holder h = (n & 3) == 0 ? null : new Holder(a, n);
        int m = Math.min(n, 70);
        double t = 0;
        for (int i = 0; i < m; i++) {
            a[i % a.length] += 1;
            t += curve(h.gain * i) + h.data.length;
        }
        return t;
    }

    /** Array lengths stay invariant across a call that writes memory (record), fields do not; C2 hoists lengths itself. */
    public static int lengthsWithCall(int[] a, int[] b) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b.length;
            record(s);
        }
        return s;
    }

    private static void record(int s) {
        calls += s & 1;
    }

    /** A static of this class no instruction in the loop writes, read next to a pure call of varying argument. */
    public static double staticScaled(double[] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += curve(a[i]) * scaleStatic;
        }
        return s;
    }

    /* Pure, so it writes no field; called with a different argument each iteration, it stays in the loop. */
    private static double curve(double x) {
        return x > 0 ? x * x : -x;
    }

    /** Pure JDK calls with invariant arguments. */
    public static double pureJdk(double[] a, int bits) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * Math.scalb(1.0, bits % 64) + Integer.bitCount(bits);
        }
        return s;
    }

    /** Writes the field it reads: nothing to hoist. */
    public static double writesField(double[] a, int n) {
        Holder h = (n & 3) == 0 ? null : new Holder(a, n);
        int m = Math.min(n, a.length);
        for (int i = 0; i < m; i++) {
            h.gain += a[i];
        }
        return h == null ? -1 : h.gain;
    }

    /** Calls a method that writes memory: the field read stays. */
    public static double callsUnknown(double[] a, int n) {
        Holder h = (n & 3) == 0 ? null : new Holder(a, n);
        int m = Math.min(n, a.length);
        double t = 0;
        for (int i = 0; i < m; i++) {
            t += h.gain * a[i];
            record(i);
        }
        return t;
    }

    /** Reads a volatile field: a synchronisation action, nothing is moved across it. */
    public static double readsVolatile(double[] a, int n) {
        Holder h = new Holder(a, n);
        double t = 0;
        for (int i = 0; i < a.length; i++) {
            t += a[i] * h.version + h.data.length;
        }
        return t;
    }
}
