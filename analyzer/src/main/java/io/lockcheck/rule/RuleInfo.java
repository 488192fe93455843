package io.lockcheck.rule;

import java.util.List;

/**
 * A rule's metadata, kept beside its code. {@code helpMarkdown} explains the kernel fact behind
 * the rule and shows a bad and a good example; {@code precision} is SARIF's precision property
 * (very-high, high, medium, low).
 */
public record RuleInfo(
        String id,
        String name,
        Level defaultLevel,
        String shortDescription,
        String fullDescription,
        String helpMarkdown,
        String precision,
        List<String> tags) {

    public RuleInfo {
        tags = List.copyOf(tags);
    }

    /** Plain-text help: the markdown without its code fences. */
    public String helpText() {
        return helpMarkdown.replace("```c\n", "").replace("```\n", "").replace("```", "").strip();
    }
}
