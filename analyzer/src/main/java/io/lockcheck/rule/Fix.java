package io.lockcheck.rule;

/** A single-region textual fix: replace {@code region} with {@code replacement}. */
public record Fix(String description, Location region, String replacement) {
}
