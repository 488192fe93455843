package io.lockcheck.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses {@code -D NAME[=V]} the way gcc does: a bare NAME is defined as 1; NAME may be function-like. */
final class MacroDefines {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\([^)]*\\))?");

    private MacroDefines() {
    }

    static Map<String, String> parse(CommandSpec spec, List<String> defines) {
        Map<String, String> macros = new LinkedHashMap<>();
        for (String d : defines) {
            int eq = d.indexOf('=');
            String name = eq < 0 ? d : d.substring(0, eq);
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new ParameterException(spec.commandLine(),
                        "invalid value for option '-D': '" + d + "' is not NAME or NAME=VALUE");
            }
            macros.put(name, eq < 0 ? "1" : d.substring(eq + 1)); // later -D wins, as in gcc
        }
        return macros;
    }
}
