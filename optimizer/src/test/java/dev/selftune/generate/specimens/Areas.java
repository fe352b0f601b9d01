package dev.selftune.generate.specimens;

/** Loops over virtual and interface calls, for {@code guarded-devirtualise}. */
public final class Areas {
    private Areas() { }

    /** An interface call in a loop: megamorphic for C2 once three shapes have passed here. */
    public static double total(Shape[] shapes) {
        double t = 0;
        for (Shape s : shapes) {
            t += s.area();
        }
        return t;
    }

    /** An interface call with a double argument under the caller's sum. */
    public static double scaledTotal(Shape[] shapes, double k) {
        double t = 0;
        for (int i = 0; i < shapes.length; i++) {
            t += shapes[i].scaled(k);
        }
        return t;
    }

    /** A virtual call on a JDK class's objects: their code is never copied. */
    public static double totalOf(Number[] xs) {
        double t = 0;
        for (int i = 0; i < xs.length; i++) {
            t += xs[i].doubleValue();
        }
        return t;
    }
}
