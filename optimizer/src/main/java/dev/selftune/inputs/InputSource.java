package dev.selftune.inputs;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where argument rows come from, in a form that survives the trip into a JMH fork: generated from
 * the parameter types ({@code seed}, {@code sizes}), a user's provider method ({@code provider},
 * {@code com.acme.Inputs#rows}), or a file of captured rows ({@code file}, written by the agent).
 * Rows are re-created in each class loader, never shared between original and variant.
 */
public record InputSource(long seed, int[] sizes, String provider, Path file) {
    public InputSource {
        sizes = sizes.clone();
        if (provider != null && file != null) {
            throw new IllegalArgumentException("an input source is a provider or a file, not both");
        }
    }

    /** One line, safe for a system property: {@code seed;sizes;provider;file} with "-" for absent. */
    public String encode() {
        return seed + ";" + Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining(","))
                + ";" + (provider == null ? "-" : provider) + ";" + (file == null ? "-" : file.toString());
    }

    public static InputSource decode(String s) {
        String[] p = s.split(";", 4);
        if (p.length != 4) {
            throw new IllegalArgumentException("input source '" + s + "' is not seed;sizes;provider;file");
        }
        int[] sizes = p[1].isEmpty() ? new int[0] : Arrays.stream(p[1].split(",")).mapToInt(Integer::parseInt).toArray();
        return new InputSource(Long.parseLong(p[0]), sizes, "-".equals(p[2]) ? null : p[2], "-".equals(p[3]) ? null : Path.of(p[3]));
    }
}
