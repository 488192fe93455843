package io.lockcheck.rule;

/**
 * A finding that a {@code lockcheck: ignore} comment in the source suppresses: left out of the
 * text and gcc reports and of the exit code, written to SARIF only on request, as a result with
 * an in-source suppression.
 *
 * @param justification the reason written after {@code --} in the comment
 * @param comment       where the comment is (its first line)
 */
public record SuppressedFinding(Finding finding, String justification, Location comment)
        implements Comparable<SuppressedFinding> {

    @Override
    public int compareTo(SuppressedFinding o) {
        return finding.compareTo(o.finding);
    }
}
