package dev.selftune.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A candidate: the whole target class with the tuned method changed, and the transforms that made it.
 * The original method is the variant with id {@code original} and no transforms.
 */
public record Variant(String id, String parent, List<Step> transforms, byte[] classBytes) {
    public static final String ORIGINAL_ID = "original";

    public Variant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(classBytes, "classBytes");
        transforms = List.copyOf(transforms);
    }

    public boolean isOriginal() {
        return transforms.isEmpty();
    }

    /** SHA-256 of the class bytes, hex: the cache key for measurements. */
    public String bytesHash() {
        return sha256(classBytes);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    @Override
    public String toString() {
        return id + " " + transforms;
    }
}
