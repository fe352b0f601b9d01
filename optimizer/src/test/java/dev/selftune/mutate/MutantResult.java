package dev.selftune.mutate;

/** What became of one mutant: killed by the verifier, non-viable, equivalent as far as the long run saw, or a real survivor. */
record MutantResult(String subject, Edit edit, Status status, String note) {
    enum Status { KILLED, NON_VIABLE, EQUIVALENT, SURVIVED }
}
