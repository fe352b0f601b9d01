package dev.selftune.samples.app;

/** One parsed event: who, what kind, how much, where, and a free-text payload. */
record Record(long id, String user, int category, int amountCents, double x, double y, String payload) {
}
