package io.lockcheck.frontend.precise;

import org.eclipse.cdt.core.parser.ExtendedScannerInfo;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContentProvider;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Precise mode for one run: each file is parsed with the kernel's real headers and the flags of
 * its compile command ({@code --compile-commands}), or else those kbuild gives every file of
 * {@code --kernel-tree}. The user's {@code -I} and {@code -D} come after them.
 */
public final class PreciseSetup {
    private final CompileFlags treeFlags;
    private final CompileCommands commands;
    private final List<Path> extraDirs;
    private final Map<String, String> extraDefines;
    private final KernelHeaders.Cache cache;

    private PreciseSetup(CompileFlags treeFlags, CompileCommands commands, List<Path> extraDirs,
                         Map<String, String> extraDefines, Path tree) {
        this.treeFlags = treeFlags;
        this.commands = commands;
        this.extraDirs = List.copyOf(extraDirs);
        this.extraDefines = Map.copyOf(extraDefines);
        this.cache = new KernelHeaders.Cache(tree);
    }

    /**
     * {@code tree} or {@code commands} may be null, not both. Without a tree, the directory most
     * compile commands run in is taken as the tree.
     */
    public static PreciseSetup of(Path tree, Path commands, List<Path> extraDirs, Map<String, String> extraDefines)
            throws CompileCommands.Malformed, IOException {
        CompileCommands db = commands == null ? null : CompileCommands.load(commands);
        Path root = tree != null ? tree : db.directory();
        CompileFlags flags = root == null ? new CompileFlags(List.of(), Map.of(), List.of()) : KernelTree.flags(root);
        return new PreciseSetup(flags, db, extraDirs, extraDefines, root == null ? null : root.toAbsolutePath().normalize());
    }

    /** The scanner configuration for {@code file}. */
    public ExtendedScannerInfo scannerInfo(Path file) {
        CompileFlags f = commands == null ? null : commands.flagsFor(file);
        Map<String, String> defines = new LinkedHashMap<>();
        if (f == null) {
            f = treeFlags;
            // kbuild names the module on every command line; module.h and printk formats use it
            String base = file.getFileName().toString().replaceFirst("\\.c$", "");
            defines.put("KBUILD_MODNAME", '"' + base + '"');
            defines.put("KBUILD_BASENAME", '"' + base + '"');
            defines.put("KBUILD_MODFILE", '"' + base + '"');
        }
        List<String> dirs = new ArrayList<>();
        f.includeDirs().forEach(d -> dirs.add(d.toString()));
        extraDirs.forEach(d -> dirs.add(d.toAbsolutePath().normalize().toString()));
        dirs.add(KernelHeaders.FALLBACK);
        defines.putAll(f.defines());
        defines.putAll(extraDefines);
        defines.putIfAbsent("__GNUC__", "12"); // CDT picks its GNU keywords by this version
        defines.putIfAbsent("__GNUC_MINOR__", "2");
        String[] forced = f.forcedIncludes().stream().map(Path::toString).toArray(String[]::new);
        return new ExtendedScannerInfo(defines, dirs.toArray(String[]::new), new String[] {KernelHeaders.PRELUDE}, forced);
    }

    /** A provider for one parse, over the run's shared header cache. */
    public InternalFileContentProvider headers() {
        return new KernelHeaders(cache);
    }
}
