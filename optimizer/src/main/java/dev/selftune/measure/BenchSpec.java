package dev.selftune.measure;

import dev.selftune.api.Variant;
import dev.selftune.inputs.InputSource;
import dev.selftune.target.Target;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Everything a JMH fork needs to run {@link GenericBenchmark} on one method of one class file:
 * written as a properties file whose path travels in the system property {@value GenericBenchmark#SPEC_PROPERTY}.
 */
public record BenchSpec(String label, List<Path> classpath, String className, String methodName, String descriptor,
                        boolean isStatic, Path classFile, InputSource inputs, boolean copyArgs, boolean dropThrowingRows) {

    /* The spec names a class *file* rather than carrying bytes: the original and every variant are
     * loaded the same way in the fork (read file, define with TargetClassLoader), so an A/A pair
     * differs only in the path, never in code. */
    public BenchSpec {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(methodName, "methodName");
        Objects.requireNonNull(classFile, "classFile");
        Objects.requireNonNull(inputs, "inputs");
        classpath = List.copyOf(classpath);
        if (descriptor == null || !descriptor.startsWith("(")) {
            throw new IllegalArgumentException("BenchSpec '" + label + "': descriptor '" + descriptor
                    + "' is not a JVM method descriptor; resolve the target first (Target carries it)");
        }
    }

    /** A spec that measures every row (the fork leaves none out). */
    public BenchSpec(String label, List<Path> classpath, String className, String methodName, String descriptor,
                     boolean isStatic, Path classFile, InputSource inputs, boolean copyArgs) {
        this(label, classpath, className, methodName, descriptor, isStatic, classFile, inputs, copyArgs, false);
    }

    /*
     * Rows on which the original throws: a measured op calls the method on every row, so one such row
     * failed every fork (EJML's multTransB on rows shaped for mult_small). Verification has already
     * compared what original and variant do on them, throws included; the timed loop is about the
     * calls that return. With dropThrowingRows the fork calls each row once on a copy before measuring
     * and leaves out those that throw (GenericBenchmark). Tuner sets it only when the original threw
     * on some verification rows, so no other fork pays for the extra pass.
     */
    /** This spec with the fork told to leave out rows on which the method throws. */
    public BenchSpec droppingThrowingRows(boolean drop) {
        return new BenchSpec(label, classpath, className, methodName, descriptor, isStatic, classFile, inputs, copyArgs, drop);
    }

    /** Writes {@code classBytes} under {@code workDir/classes} and returns the spec that measures them. */
    public static BenchSpec of(Target target, String label, byte[] classBytes, InputSource inputs, boolean copyArgs, Path workDir) {
        String safe = label.replaceAll("[^A-Za-z0-9._-]", "_");
        Path file = workDir.resolve("classes").resolve(safe + "-" + Variant.sha256(classBytes).substring(0, 12) + ".class");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, classBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write class file " + file + " for '" + label + "': check that the work dir is writable", e);
        }
        return new BenchSpec(label, target.classpath(), target.method().owner(), target.method().name(),
                target.method().descriptor(), target.isStatic(), file, inputs, copyArgs);
    }

    /** The spec of one variant (the original is the variant with no transforms). */
    public static BenchSpec of(Target target, Variant variant, InputSource inputs, boolean copyArgs, Path workDir) {
        return of(target, variant.id(), variant.classBytes(), inputs, copyArgs, workDir);
    }

    /** A safe default for {@code copyArgs} when nobody knows better: copy whenever a parameter is an array. */
    public static boolean defaultCopyArgs(String descriptor) {
        return descriptor.substring(0, descriptor.indexOf(')')).indexOf('[') >= 0;
    }

    /** Writes this spec to {@code dir/spec-<label>-<hash>.properties} and returns its path. */
    public Path write(Path dir) {
        Properties p = new Properties();
        p.setProperty("label", label);
        List<String> cp = new ArrayList<>();
        classpath.forEach(e -> cp.add(e.toAbsolutePath().toString()));
        p.setProperty("classpath", String.join(File.pathSeparator, cp));
        p.setProperty("className", className);
        p.setProperty("methodName", methodName);
        p.setProperty("descriptor", descriptor);
        p.setProperty("isStatic", Boolean.toString(isStatic));
        p.setProperty("classFile", classFile.toAbsolutePath().toString());
        p.setProperty("inputs", inputs.encode());
        p.setProperty("copyArgs", Boolean.toString(copyArgs));
        p.setProperty("dropThrowingRows", Boolean.toString(dropThrowingRows));
        String name = "spec-" + classFile.getFileName().toString().replaceFirst("\\.class$", "") + ".properties";
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "selftune GenericBenchmark spec");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write bench spec " + file + ": check that the work dir is writable", e);
        }
        return file;
    }

    /** Reads a spec written by {@link #write}; names the missing key and the file when it is incomplete. */
    public static BenchSpec read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bench spec " + file + " (set by -D" + GenericBenchmark.SPEC_PROPERTY + ")", e);
        }
        List<Path> cp = new ArrayList<>();
        for (String e : req(p, "classpath", file).split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                cp.add(Path.of(e));
            }
        }
        return new BenchSpec(req(p, "label", file), cp, req(p, "className", file), req(p, "methodName", file),
                req(p, "descriptor", file), Boolean.parseBoolean(req(p, "isStatic", file)), Path.of(req(p, "classFile", file)),
                InputSource.decode(req(p, "inputs", file)), Boolean.parseBoolean(req(p, "copyArgs", file)),
                Boolean.parseBoolean(p.getProperty("dropThrowingRows", "false")));
    }

    private static String req(Properties p, String key, Path file) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("bench spec " + file + " has no '" + key + "': write it with BenchSpec.write");
        }
        return v;
    }
}
