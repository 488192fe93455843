package io.lockcheck.frontend.precise;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The compiler flags kbuild gives every C file of an x86-64 kernel (scripts/Makefile.lib
 * c_flags, LINUXINCLUDE and the forced includes of the top Makefile). Per-directory flags from a
 * driver's Makefile are not read; quoted includes are found next to the including file anyway.
 */
public final class KernelTree {
    private static final String ARCH = "x86";

    private KernelTree() {
    }

    /** Why {@code tree} is not a kernel source tree, or null when it is. */
    public static String problem(Path tree) {
        if (!Files.isDirectory(tree)) return "--kernel-tree is not a directory: " + tree;
        if (!Files.isRegularFile(tree.resolve("include/linux/kconfig.h"))) {
            return "--kernel-tree has no include/linux/kconfig.h; is it a Linux source tree? " + tree;
        }
        if (!Files.isDirectory(tree.resolve("arch/" + ARCH + "/include"))) {
            return "--kernel-tree has no arch/" + ARCH + "/include: " + tree;
        }
        return null;
    }

    public static CompileFlags flags(Path tree) {
        Path t = tree.toAbsolutePath().normalize();
        String arch = "arch/" + ARCH + "/include";
        List<Path> dirs = new ArrayList<>();
        for (String d : List.of(arch, arch + "/generated", "include", arch + "/uapi", arch + "/generated/uapi",
                "include/uapi", "include/generated/uapi")) {
            dirs.add(t.resolve(d));
        }
        List<Path> forced = List.of(t.resolve("include/linux/compiler-version.h"), t.resolve("include/linux/kconfig.h"),
                t.resolve("include/linux/compiler_types.h"));
        return new CompileFlags(dirs, Map.of("__KERNEL__", "1"), forced);
    }
}
