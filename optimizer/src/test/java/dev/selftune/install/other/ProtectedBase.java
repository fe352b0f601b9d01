package dev.selftune.install.other;

/** A superclass in another package, whose protected state a nestmate copy of a subclass cannot reach. */
public class ProtectedBase {
    protected int value = 41;
}
