package io.lockcheck.rule;

import java.util.List;

/**
 * The steps one thread takes on the way to a finding (a SARIF threadFlow). A finding with two
 * traces is a race witness: the steps of both threads, each numbered in interleaving order.
 */
public record ThreadTrace(String thread, List<Step> steps) {
    public ThreadTrace {
        steps = List.copyOf(steps);
    }
}
