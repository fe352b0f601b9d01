package dev.selftune.agent.apps;

/** Calls {@link Tally#count} in a loop and prints "count(7)=…" every 200 ms. Run: {@code java -cp target/test-classes dev.selftune.agent.apps.TallyApp 30}. */
public final class TallyApp {
    private TallyApp() { }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 30;
        Tally tally = new Tally(3);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long tick = System.nanoTime();
        long sink = 0;
        for (int n = 0; System.nanoTime() < end; n++) {
            sink += tally.count(n);
            if (System.nanoTime() - tick > 200_000_000L) {
                System.out.println("count(7)=" + tally.count(7));
                tick = System.nanoTime();
            }
        }
        System.out.println("done " + sink);
    }
}
