package dev.selftune.generate.specimens;

/** A figure with an area: the receiver type of {@link Areas}' virtual calls. */
public interface Shape {
    double area();

    double scaled(double k);
}
