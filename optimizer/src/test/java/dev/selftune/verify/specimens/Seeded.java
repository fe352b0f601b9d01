package dev.selftune.verify.specimens;

/**
 * Statics seeded at class initialisation from a clock and an identity hash, so that every class loader starts with
 * other values (as Lucene's StringHelper seeds its id counter): methods that leave them alone, and one that moves one.
 */
public final class Seeded {
    private static long nextId = System.nanoTime() ^ new Object().hashCode();
    private static final int[] SALT = {(int) System.nanoTime(), new Object().hashCode()};

    private Seeded() { }

    /** Never touches the seeded statics. */
    public static int hash(int x) {
        int h = x;
        for (int i = 0; i < 4; i++) {
            h = h * 31 + i;
        }
        return h;
    }

    /** A wrong "variant" of hash: one step short. */
    public static int hashShort(int x) {
        int h = x;
        for (int i = 0; i < 3; i++) {
            h = h * 31 + i;
        }
        return h;
    }

    /** Moves the seeded counter and the salt, returns nothing that depends on them. */
    public static int stamp(int x) {
        nextId++;
        SALT[0] ^= x;
        return x + 1;
    }
}
