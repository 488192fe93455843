package io.lockcheck.frontend.precise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelTreeTest {
    @TempDir
    Path tree;

    @Test
    void flagsAreKbuildsForX86InSearchOrder() {
        CompileFlags f = KernelTree.flags(tree);
        List<String> rel = f.includeDirs().stream().map(p -> tree.relativize(p).toString()).toList();
        assertEquals(List.of("arch/x86/include", "arch/x86/include/generated", "include", "arch/x86/include/uapi",
                "arch/x86/include/generated/uapi", "include/uapi", "include/generated/uapi"), rel);
        assertEquals(List.of(tree.resolve("include/linux/compiler-version.h"), tree.resolve("include/linux/kconfig.h"),
                tree.resolve("include/linux/compiler_types.h")), f.forcedIncludes());
        assertEquals(Map.of("__KERNEL__", "1"), f.defines());
    }

    @Test
    void aTreeNeedsKconfigAndTheArchHeaders() throws IOException {
        assertTrue(KernelTree.problem(tree.resolve("nope")).startsWith("--kernel-tree is not a directory"));
        assertTrue(KernelTree.problem(tree).contains("no include/linux/kconfig.h"));
        Files.createDirectories(tree.resolve("include/linux"));
        Files.writeString(tree.resolve("include/linux/kconfig.h"), "");
        assertTrue(KernelTree.problem(tree).contains("no arch/x86/include"));
        Files.createDirectories(tree.resolve("arch/x86/include"));
        assertNull(KernelTree.problem(tree));
    }
}
