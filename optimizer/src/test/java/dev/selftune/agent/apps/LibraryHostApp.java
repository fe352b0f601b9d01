package dev.selftune.agent.apps;

/** A host with its own "commons-math3" and "JMH": prints which copy of each library name it sees. */
public final class LibraryHostApp {
    private LibraryHostApp() { }

    public static void main(String[] args) throws Exception {
        Class<?> own = Class.forName("org.apache.commons.math3.util.FastMath");
        System.out.println("FastMath.twice(21)=" + own.getMethod("twice", int.class).invoke(null, 21));
        Class<?> jmh = Class.forName("org.openjdk.jmh.infra.Blackhole");
        System.out.println("Blackhole.twice(21)=" + jmh.getMethod("twice", int.class).invoke(null, 21));
        for (String name : new String[] {"org.apache.commons.math3.stat.StatUtils", "joptsimple.OptionParser",
            "org.openjdk.jmh.runner.Runner"}) {
            try {
                Class.forName(name);
                System.out.println("visible " + name);
            } catch (ClassNotFoundException e) {
                System.out.println("hidden " + name);
            }
        }
        Thread.sleep(Long.parseLong(args.length > 0 ? args[0] : "0"));
        System.out.println("done");
    }
}
