package dev.selftune.agent.apps;

/** Calls {@link Kernel#work} in a loop and prints "work(7)=…" (or the exception) every 200 ms. Run: {@code java -cp target/test-classes dev.selftune.agent.apps.KernelApp 30}. */
public final class KernelApp {
    private KernelApp() { }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 30;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long tick = System.nanoTime();
        long sink = 0;
        int errors = 0;
        for (int n = 0; System.nanoTime() < end; n++) {
            try {
                sink += Kernel.work(n);
            } catch (IllegalStateException e) {
                errors++;
            }
            if (System.nanoTime() - tick > 200_000_000L) {
                String r;
                try {
                    r = Long.toString(Kernel.work(7));
                } catch (IllegalStateException e) {
                    r = "threw";
                }
                System.out.println("work(7)=" + r + " errors=" + errors);
                tick = System.nanoTime();
            }
        }
        System.out.println("done " + sink);
    }
}
