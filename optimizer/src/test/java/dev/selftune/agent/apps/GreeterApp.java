package dev.selftune.agent.apps;

/** Prints {@code Greeter.greet(i)} every 50 ms for the given seconds. Run: {@code java -cp target/test-classes dev.selftune.agent.apps.GreeterApp 5}. */
public final class GreeterApp {
    private GreeterApp() { }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        System.out.println("ready");
        long end = System.nanoTime() + (long) (seconds * 1e9);
        for (int i = 0; System.nanoTime() < end; i++) {
            System.out.println(Greeter.greet(i));
            Thread.sleep(50);
        }
        System.out.println("done");
    }
}
