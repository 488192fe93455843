package io.lockcheck.rule;

/**
 * Run statistics. Parse fidelity is the share of function bodies without CDT problem nodes.
 */
public record Stats(int files, int filesFailed, int functions, int functionsWithProblems, long lines) {

    public double fidelity() {
        return functions == 0 ? 1.0 : 1.0 - (double) functionsWithProblems / functions;
    }
}
