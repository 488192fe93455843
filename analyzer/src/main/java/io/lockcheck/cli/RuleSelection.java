package io.lockcheck.cli;

import io.lockcheck.rule.Rule;
import io.lockcheck.rule.RuleInfo;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns {@code --rules LC001,UnlockedWrite} into the set of rule ids the analyzer runs. */
final class RuleSelection {
    private RuleSelection() {
    }

    /**
     * The ids named, each given as an id or a rule name in any case; empty means all rules. An
     * unknown name is a usage error: a typo must not silently turn a check off.
     */
    static Set<String> resolve(CommandSpec spec, List<Rule> installed, List<String> requested) {
        Set<String> ids = new LinkedHashSet<>();
        for (String raw : requested) {
            String wanted = raw.strip();
            if (wanted.isEmpty()) {
                continue; // "LC001," is a harmless trailing comma
            }
            ids.add(installed.stream()
                    .map(Rule::info)
                    .filter(i -> i.id().equalsIgnoreCase(wanted) || i.name().equalsIgnoreCase(wanted))
                    .map(RuleInfo::id)
                    .findFirst()
                    .orElseThrow(() -> new ParameterException(spec.commandLine(),
                            "unknown rule '" + wanted + "' in --rules; " + known(installed))));
        }
        return ids;
    }

    private static String known(List<Rule> installed) {
        if (installed.isEmpty()) {
            return "no rules are installed";
        }
        return "known: " + installed.stream().map(r -> r.info().id()).collect(Collectors.joining(", "));
    }
}
