package dev.selftune.verify.specimens;

/** An interface with a static method: its verification copy keeps its fuel in a holder class. */
public interface Shape {
    static int area(int[] sides) {
        int a = 1;
        for (int i = 0; i < sides.length; i++) {
            a *= sides[i];
        }
        return a;
    }
}
