package dev.selftune.verify.specimens;

/** A record receiver: its fields are final to reflection, so a captured one is rebuilt through its canonical constructor. */
public record Span(int from, int to) {
    public Span {
        if (from > to) {
            throw new IllegalArgumentException("from " + from + " > to " + to);
        }
    }

    public int width(int pad) {
        return to - from + pad;
    }
}
