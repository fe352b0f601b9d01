/**
 * Argument providers for {@code tune --inputs <class>#rows}: static no-arg methods returning
 * {@code Object[][]}, one argument list per row, deterministic, with no selftune dependency. They
 * exist where arguments generated from the parameter types would not make sense together (a vector
 * that does not fit the matrix, a random bin count, a pattern that never occurs).
 */
package dev.selftune.samples.inputs;
