package dev.selftune.install;

import java.util.Arrays;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;

/*
 * Specimen classes for the install tests. Each test prepares its own class, since a prepared
 * method keeps its trampoline for the life of the JVM. "…Variant" classes are renamed onto their
 * target with ASM (Variants.renamed) to play the whole-class bytes a tuner hands over.
 */

final class StaticTarget {
    static int scale(int x) {
        return x * 3 + 1;
    }

    static int untouched(int x) {
        return x - 1;
    }
}

final class InstanceTarget {
    private int base;

    InstanceTarget(int base) {
        this.base = base;
    }

    int add(int x) {
        return base + x * 2;
    }

    private int secret() {
        return base * 100;
    }

    int viaSecret() {
        return secret() + 1;
    }
}

/** Renamed to InstanceTarget: a lambda capturing this, a new private helper, private field access. */
final class InstanceTargetVariant {
    private int base;

    InstanceTargetVariant(int base) {
        this.base = base;
    }

    int add(int x) {
        IntSupplier s = () -> doubled(x) + base;
        return s.getAsInt() + 1000;
    }

    private int doubled(int x) {
        return x * 2;
    }

    private int secret() {
        return base * 100;
    }

    int viaSecret() {
        return secret() + 1;
    }
}

final class LambdaTarget {
    static int apply(int x) {
        return x + 1;
    }
}

/** Renamed to LambdaTarget: a static lambda and a new private static helper. */
final class LambdaTargetVariant {
    static int apply(int x) {
        IntUnaryOperator op = v -> helper(v) + 1;
        return op.applyAsInt(x);
    }

    private static int helper(int v) {
        return v * 7;
    }
}

final class GuardTarget {
    static int divide(int a, int b) {
        return b == 0 ? -1 : a / b;
    }
}

/** Renamed to GuardTarget: throws on b == 0, where the original returns -1. */
final class GuardTargetVariant {
    static int divide(int a, int b) {
        return a / b;
    }
}

final class ProbeFirstTarget {
    static int twice(int x) {
        return 2 * x;
    }
}

final class ProbeLaterTarget {
    static int twice(int x) {
        return 2 * x;
    }
}

final class RepeatTarget {
    static long mix(long a, double b, int[] c) {
        return a + (long) b + c.length * 2;
    }
}

class SuperBase {
    int value() {
        return 1;
    }
}

final class SuperCaller extends SuperBase {
    @Override
    int value() {
        return super.value() + 1;
    }

    synchronized int locked(int x) {
        return Thread.holdsLock(this) ? x + 1 : -1;
    }
}

abstract class AbstractTarget {
    abstract int run();

    native int nat();
}

final class LoaderTarget {
    public static int scale(int x) {
        return x * 3 + 1;
    }
}

final class SwapLimitTarget {
    static int twice(int x) {
        return 2 * x;
    }
}

final class AllTarget {
    static int a(int x) {
        return 2 * x;
    }

    static int b(int x) {
        return x + 3;
    }
}

final class LambdaOriginalTarget {
    private int k = 3;

    static int sum(int[] a) {
        return Arrays.stream(a).map(v -> v * 2).sum() + 1;
    }

    int times(int x) {
        IntSupplier s = () -> k * x;
        return s.getAsInt() + 1;
    }
}

final class NewFieldTarget {
    static int f(int x) {
        return x + 1;
    }
}

/** Renamed to NewFieldTarget: reads a static field the running class does not have. */
final class NewFieldTargetVariant {
    static int k = 5;

    static int f(int x) {
        return x + k;
    }
}

final class ProtectedUser extends dev.selftune.install.other.ProtectedBase {
    int read() {
        return value + 1;
    }
}

final class Overloaded {
    static int f(int x) {
        return x;
    }

    static long f(long x) {
        return x;
    }
}

final class SmokeTarget {
    static int mix(int x) {
        return (x ^ (x >>> 7)) * 3 + 1;
    }
}

final class RecursiveTarget {
    static int sumTo(int n) {
        return n <= 0 ? 0 : n + sumTo(n - 1);
    }
}

interface Shape {
    default int area(int side) {
        return side * side + 1;
    }
}

final class Square implements Shape {
}

final class ChainTarget {
    static int run(int x) {
        return a(x) + 1;
    }

    private static int a(int x) {
        return b(x) * 2;
    }

    private static int b(int x) {
        return x + 1;
    }
}

/** Renamed to ChainTarget: only the helper two calls down changed. */
final class ChainTargetVariant {
    static int run(int x) {
        return a(x) + 1;
    }

    private static int a(int x) {
        return b(x) * 2;
    }

    private static int b(int x) {
        return x + 5;
    }
}

final class HammerTarget {
    static void fill(int[] a, int seed) {
        for (int i = 0; i < a.length; i++) {
            a[i] = seed * 3 + i;
        }
    }
}

final class AdvisedTarget {
    static int twice(int x) {
        return 2 * x;
    }
}

final class MarkerTarget {
    static int get(int x) {
        return x;
    }
}

/** Renamed to MarkerTarget: a lambda with a marker interface (LambdaMetafactory.altMetafactory, FLAG_MARKERS). */
final class MarkerTargetVariant {
    static int get(int x) {
        IntSupplier s = (IntSupplier & java.util.RandomAccess) () -> x * 10;
        return s instanceof java.util.RandomAccess ? s.getAsInt() : -1;
    }
}
