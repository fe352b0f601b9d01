package dev.selftune.verify.specimens;

/** An instance specimen without a no-arg constructor: selftune cannot make a receiver for it. */
public class NoDefault {
    private final int base;

    public NoDefault(int base) {
        this.base = base;
    }

    public int plus(int x) {
        return base + x;
    }
}
