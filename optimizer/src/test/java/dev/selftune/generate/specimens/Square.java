package dev.selftune.generate.specimens;

/** A second public shape, so arrays can be mixed. */
public class Square implements Shape {
    public final double side;

    public Square(double side) {
        this.side = side;
    }

    @Override
    public double area() {
        return side * side;
    }

    @Override
    public double scaled(double k) {
        return side * side * k * k;
    }
}
