package dev.selftune.verify.specimens;

/**
 * An instance specimen without a no-arg constructor whose method writes receiver fields only;
 * package-private, like the sample app's RecordStream.
 */
final class Ledger {
    private final long[] slots;
    private long total;
    private int writes;

    Ledger(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("a ledger needs at least one slot, got " + n);
        }
        slots = new long[n];
    }

    long post(int slot, long amount) {
        slots[Math.floorMod(slot, slots.length)] += amount;
        total += amount;
        writes++;
        return total;
    }
}
