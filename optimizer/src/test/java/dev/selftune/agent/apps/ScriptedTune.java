package dev.selftune.agent.apps;

import java.nio.file.Files;
import java.nio.file.Path;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/**
 * Stands in for {@code dev.selftune.cli.Main tune} in agent tests: writes a "swap" report whose winner
 * is the class named by the environment variable SELFTUNE_SCRIPTED_WINNER, renamed to the target's class.
 */
public final class ScriptedTune {
    private ScriptedTune() { }

    public static void main(String[] args) throws Exception {
        String out = null;
        String target = null;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--out")) {
                out = args[i + 1];
            } else if (args[i].equals("--target")) {
                target = args[i + 1];
            }
        }
        String owner = target.substring(0, target.indexOf('#')).replace('.', '/');
        String winner = System.getenv("SELFTUNE_SCRIPTED_WINNER").replace('.', '/');
        byte[] bytes;
        try (var in = ScriptedTune.class.getClassLoader().getResourceAsStream(winner + ".class")) {
            ClassWriter w = new ClassWriter(0);
            new ClassReader(in).accept(new ClassRemapper(w, new SimpleRemapper(winner, owner)), 0);
            bytes = w.toByteArray();
        }
        Path dir = Path.of(out);
        Files.createDirectories(dir.resolve("winner").resolve(owner).getParent());
        Files.write(dir.resolve("winner").resolve(owner + ".class"), bytes);
        Files.writeString(dir.resolve("report.json"), "{\"target\":\"" + target + "\",\"decision\":\"swap\",\"winner\":"
                + "{\"id\":\"scripted-1\",\"speedup\":1.4,\"speedupLow\":1.3,\"speedupHigh\":1.5},\"reason\":\"scripted\"}");
        System.out.println("scripted tune wrote " + dir);
    }
}
