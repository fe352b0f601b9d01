package dev.selftune.api;

import java.util.Objects;

/**
 * A method named by its owner's binary name, its name and (optionally) its JVM descriptor.
 * Parsed from the command-line form {@code com.acme.Foo#bar} or {@code com.acme.Foo#bar(I)V}.
 */
public record MethodRef(String owner, String name, String descriptor) {
    public MethodRef {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        if (owner.isBlank() || owner.contains("/") || owner.startsWith(".") || owner.endsWith(".")) {
            throw new IllegalArgumentException("owner '" + owner
                    + "' is not a binary class name: write it with dots, like com.acme.Foo");
        }
        if (name.isBlank() || name.contains("(")) {
            throw new IllegalArgumentException("method name '" + name + "' is empty or holds a descriptor");
        }
        if (descriptor != null && !descriptor.startsWith("(")) {
            throw new IllegalArgumentException("descriptor '" + descriptor
                    + "' is not a JVM method descriptor: write it like (I[D)V");
        }
    }

    /** Parses {@code owner#name} or {@code owner#name(descriptor)}. */
    public static MethodRef parse(String spec) {
        int hash = spec == null ? -1 : spec.indexOf('#');
        if (hash <= 0 || hash == spec.length() - 1) {
            throw new IllegalArgumentException("target '" + spec
                    + "' must be <binary class name>#<method>[<descriptor>], like com.acme.Foo#bar or com.acme.Foo#bar(I)V");
        }
        String owner = spec.substring(0, hash);
        String rest = spec.substring(hash + 1);
        int paren = rest.indexOf('(');
        return paren < 0
                ? new MethodRef(owner, rest, null)
                : new MethodRef(owner, rest.substring(0, paren), rest.substring(paren));
    }

    /** The owner in internal form, {@code com/acme/Foo}. */
    public String internalOwner() {
        return owner.replace('.', '/');
    }

    public MethodRef withDescriptor(String desc) {
        return new MethodRef(owner, name, desc);
    }

    @Override
    public String toString() {
        return owner + "#" + name + (descriptor == null ? "" : descriptor);
    }
}
