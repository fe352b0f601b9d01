package dev.selftune.generate.specimens;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** {@code --inputs} rows for {@link Areas}: arrays of one class, or mixed with nulls and negative radii. */
public final class AreasRows {
    private AreasRows() { }

    /** 120 calls of {@code total}, every array all circles: the guard is true on every call. */
    public static Object[][] circles() {
        return rows(6, (r, i) -> new Circle(r.nextDouble() * 10));
    }

    /** 120 calls: circles mostly, squares in every third array, a null element or a negative radius now and then. */
    public static Object[][] mixed() {
        return rows(7, (r, i) -> switch (r.nextInt(40)) {
            case 0 -> null;
            case 1 -> new Circle(-1);
            default -> i % 3 == 0 && r.nextBoolean() ? new Square(r.nextDouble() * 4) : new Circle(r.nextDouble() * 10);
        });
    }

    /** {@link #mixed} with a scale factor, for {@code scaledTotal}. */
    public static Object[][] mixedScaled() {
        Object[][] rows = mixed();
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {rows[i][0], i % 5 == 0 ? -0.0 : 0.5 + i};
        }
        return rows;
    }

    public static Object[][] hexagons() {
        return rows(8, (r, i) -> new Hexagon());
    }

    public static Object[][] locked() {
        return rows(9, (r, i) -> new Shapes.Locked());
    }

    public static Object[][] groups() {
        return rows(12, (r, i) -> new Shapes.Group());
    }

    public static Object[][] rings() {
        return rows(10, (r, i) -> new Shapes.Ring(r.nextDouble()));
    }

    /** 20 calls of {@code totalOf} with Integer arrays. */
    public static Object[][] integers() {
        Random r = new Random(11);
        List<Object[]> out = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            Number[] xs = new Number[r.nextInt(10)];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = r.nextInt(100);
            }
            out.add(new Object[] {xs});
        }
        return out.toArray(Object[][]::new);
    }

    private interface Maker {
        Shape make(Random r, int row);
    }

    private static Object[][] rows(long seed, Maker maker) {
        Random r = new Random(seed);
        List<Object[]> out = new ArrayList<>();
        for (int k = 0; k < 120; k++) {
            Shape[] shapes = new Shape[k % 10 == 0 ? 0 : 1 + r.nextInt(30)];
            for (int i = 0; i < shapes.length; i++) {
                shapes[i] = maker.make(r, k);
            }
            out.add(new Object[] {shapes});
        }
        return out.toArray(Object[][]::new);
    }
}
