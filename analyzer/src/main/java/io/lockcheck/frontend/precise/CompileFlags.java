package io.lockcheck.frontend.precise;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What precise mode takes from a compiler command line for one file: include directories in
 * search order, macro definitions ({@code -D}; NAME or NAME(args) to its value) and forced
 * includes ({@code -include}), all paths absolute.
 */
public record CompileFlags(List<Path> includeDirs, Map<String, String> defines, List<Path> forcedIncludes) {
    public CompileFlags {
        includeDirs = List.copyOf(includeDirs);
        defines = Map.copyOf(defines);
        forcedIncludes = List.copyOf(forcedIncludes);
    }
}
