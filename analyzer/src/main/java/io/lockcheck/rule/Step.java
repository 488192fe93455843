package io.lockcheck.rule;

/** One location with a short explanation: a related location or a step of a code flow. */
public record Step(Location location, String message) {
}
