package dev.selftune.target.specimens;

/** Methods of every shape the target loader must accept or refuse. */
public abstract class Shapes {
    static int counter;

    public static int sum(int[] a) {
        int s = 0;
        for (int x : a) {
            s += x;
        }
        return s;
    }

    public static int over(int x) {
        return x + 1;
    }

    public static long over(long x) {
        return x + 1;
    }

    public abstract int abstractOne(int x);

    public native int nativeOne(int x);

    public static int bumpsCounter(int x) {
        counter += x;
        return counter;
    }
}
