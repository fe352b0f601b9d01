package dev.selftune.generate.specimens;

/** Shapes whose methods {@code guarded-devirtualise} must refuse to copy, each for one rule. */
public final class Shapes {
    private Shapes() { }

    /** A public class with a synchronized method: a copy would not take the receiver's lock. */
    public static final class Locked implements Shape {
        public double side = 2;

        @Override
        public synchronized double area() {
            return side * side;
        }

        @Override
        public double scaled(double k) {
            return area() * k;
        }
    }

    /** A shape made of shapes: its area calls {@link Areas#total} back, recursion through the guarded call. */
    public static final class Group implements Shape {
        public Shape[] parts = {new Square(1), new Square(2)};

        @Override
        public double area() {
            return Areas.total(parts);
        }

        @Override
        public double scaled(double k) {
            return area() * k * k;
        }
    }

    /** A public class whose method reads a private field: a copy in another class may not. */
    public static final class Ring implements Shape {
        private final double r;

        public Ring(double r) {
            this.r = r;
        }

        @Override
        public double area() {
            return 3.0 * r * r;
        }

        @Override
        public double scaled(double k) {
            return area() * k;
        }
    }
}

/** A package-private class: a guard in another class (or class loader) may not name it. */
final class Hexagon implements Shape {
    public double side = 1;

    @Override
    public double area() {
        return 2.598076211353316 * side * side;
    }

    @Override
    public double scaled(double k) {
        return area() * k;
    }
}
