package io.lockcheck.cli;

import io.lockcheck.rule.Rule;
import io.lockcheck.rule.RuleInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code lockcheck rules}: the installed rules as an aligned table, one rule a line. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.class,
        description = "List the rules: id, name, default level and what each reports.")
final class RulesCommand implements Callable<Integer> {
    private static final List<String> HEADER = List.of("ID", "NAME", "LEVEL", "DESCRIPTION");

    private final Supplier<List<Rule>> rules;

    @Spec
    private CommandSpec spec;

    RulesCommand(Supplier<List<Rule>> rules) {
        this.rules = rules;
    }

    @Override
    public Integer call() {
        List<Rule> installed = rules.get();
        if (installed.isEmpty()) {
            // Only a build without the rules module gets here; say so rather than print a bare header.
            PrintWriter err = spec.commandLine().getErr();
            err.println("lockcheck: warning: no rules are installed");
            return ExitCodes.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Rule rule : installed) {
            RuleInfo info = rule.info();
            rows.add(List.of(info.id(), info.name(), info.defaultLevel().word(), info.shortDescription()));
        }
        PrintWriter out = spec.commandLine().getOut();
        table(rows).forEach(out::println);
        return ExitCodes.OK;
    }

    /** Pads every column but the last to its widest cell plus two spaces. */
    static List<String> table(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns - 1; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns - 1; c++) {
                line.append(row.get(c)).append(" ".repeat(width[c] - row.get(c).length() + 2));
            }
            lines.add(line.append(row.get(columns - 1)).toString());
        }
        return lines;
    }
}
