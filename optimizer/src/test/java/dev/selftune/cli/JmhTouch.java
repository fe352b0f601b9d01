package dev.selftune.cli;

/** A main that does what {@code tune} does first in its own process on JDK 24+: relaunch if needed, then initialise JMH's params classes. */
public final class JmhTouch {
    private JmhTouch() { }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("no-relaunch")) {
            Relaunch.ifNeeded(JmhTouch.class, args);
        }
        Class.forName("org.openjdk.jmh.infra.BenchmarkParams", true, JmhTouch.class.getClassLoader());
        System.out.println("JMH TOUCHED " + (System.getProperty(Relaunch.MARK) != null ? "relaunched" : "in place"));
    }
}
