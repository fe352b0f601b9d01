package dev.selftune.generate.imports;

/** Entry points that do no work themselves: the loops live in other classes (ImportsTest). */
public final class Facade {
    private Facade() { }

    /** Delegates to a public kernel class with no static state: its loop joins the unit. */
    public static long total(int[] a) {
        return Kernels.sum(a, 0, a.length) + Kernels.count(a.length);
    }

    /** Recursion in the callee stays in the copy. */
    public static long tri(int n) {
        return Kernels.triangle(n);
    }

    /** A kernel whose class has a static initialiser: refused. */
    public static long scaled(int[] a) {
        return Tables.scaled(a);
    }

    /** A kernel that reads its class's private field: refused, the call left as it is. */
    public static int secret() {
        return Kernels.secret();
    }

    /** A kernel in a class that is not public, touching nothing of it: copied (the copy needs no access to the class). */
    public static long hidden(int[] a) {
        return HiddenKernels.sum(a);
    }

    /** JDK code is never copied. */
    public static int max(int a, int b) {
        return Math.max(a, b);
    }
}
