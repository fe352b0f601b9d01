package dev.selftune.agent.apps;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * An application shipping its own (unrelocated) ASM: counts its own methods with ASM while a hot
 * loop runs. Run with asm on the class path: {@code java -cp target/test-classes:asm.jar dev.selftune.agent.apps.AsmApp 6}.
 */
public final class AsmApp {
    private AsmApp() { }

    public static long spin(long[] data) {
        long s = 0;
        for (int r = 0; r < 200; r++) {
            for (long x : data) {
                s += x * r ^ (s >>> 3);
            }
        }
        return s;
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 6;
        long[] data = new long[2048];
        java.util.Arrays.fill(data, 3);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long sum = 0;
        int[] methods = {0};
        long tick = System.nanoTime();
        while (System.nanoTime() < end) {
            if (System.nanoTime() - tick > 1_000_000_000L) {
                System.out.println("asm-ok methods=" + methods[0]);
                tick = System.nanoTime();
            }
            sum += spin(data);
            methods[0] = 0;
            try (var in = AsmApp.class.getResourceAsStream("AsmApp.class")) {
                new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                        methods[0]++;
                        return null;
                    }
                }, 0);
            }
        }
        System.out.println("done methods=" + methods[0] + " sum=" + sum);
    }
}
