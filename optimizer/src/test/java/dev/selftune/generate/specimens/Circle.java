package dev.selftune.generate.specimens;

/** A public shape with a public field: its methods can be copied into another class. */
public final class Circle implements Shape {
    public double r;

    public Circle(double r) {
        this.r = r;
    }

    @Override
    public double area() {
        if (r < 0) {
            throw new IllegalArgumentException("negative radius");
        }
        return 3.141592653589793 * r * r;
    }

    @Override
    public double scaled(double k) {
        double a = 0;
        for (int i = 0; i < 3; i++) {
            a += area() * k;
        }
        return a / 3;
    }
}
