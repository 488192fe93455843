package io.lockcheck.rule;

/**
 * One location with a short explanation: a related location or a step of a code flow.
 * {@code order}: the step's place in a race witness's interleaving across threads (1-based;
 * 0 means "in list order").
 */
public record Step(Location location, String message, int order) {
    public Step(Location location, String message) {
        this(location, message, 0);
    }
}
