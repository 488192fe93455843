package io.lockcheck.frontend.precise;

import io.lockcheck.Analyzer;
import io.lockcheck.AnalyzerOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Precise mode end to end on a miniature kernel tree: real header definitions of lock macros
 * must not hide the lock API, generated headers an unbuilt tree lacks have stand-ins, and driver
 * headers are found without the driver's Makefile.
 */
class PreciseParseTest {
    @TempDir
    Path tree;
    private Path driverFile;

    private void write(String rel, String text) throws IOException {
        Path p = tree.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @BeforeEach
    void miniatureTree() throws IOException {
        write("include/linux/compiler-version.h", "");
        write("include/linux/kconfig.h", "#include <generated/autoconf.h>\n#define IS_ENABLED(x) x\n");
        write("include/linux/compiler_types.h", "#define __force\n");
        write("arch/x86/include/asm/barrier.h", "#include <asm/rwonce.h>\n");
        // the real READ_ONCE is a volatile load; spin_lock_irqsave a macro around _raw_spin_lock_irqsave()
        write("include/asm-generic/rwonce.h",
                "#define ASM_GENERIC_RWONCE 1\n#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))\n");
        write("include/linux/spinlock.h", """
                #include <asm/barrier.h>
                typedef struct spinlock { int raw; } spinlock_t;
                unsigned long _raw_spin_lock_irqsave(spinlock_t *l);
                #define spin_lock_irqsave(lock, flags) \\
                	do { flags = _raw_spin_lock_irqsave(lock); } while (0)
                void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
                #define unlikely(x) __builtin_expect(!!(x), 0)
                static inline int spin_is_contended(spinlock_t *lock)
                {
                	return READ_ONCE(lock->raw) > 1; /* a body precise mode need not parse */
                }
                """);
        write("drivers/gpu/drm/foo/foo_drv.h", """
                #include <linux/spinlock.h>
                #define FOO_DRV_H 1
                /* a lock wrapper: stays a call, like in fast mode */
                #define foo_lock(f, fl) spin_lock_irqsave(&(f)->lock, fl)
                struct foo { spinlock_t lock; int count; };
                """);
        write("drivers/gpu/drm/foo/core/foo_irq.c", """
                #include "foo_drv.h"
                int foo_count(struct foo *f)
                {
                	unsigned long flags;
                	int n = 0;

                	spin_lock_irqsave(&f->lock, flags);
                #if defined(CONFIG_SMP) && defined(CONFIG_TREE_RCU) && ASM_GENERIC_RWONCE && FOO_DRV_H
                	n = f->count; /* only with the autoconf stand-in, asm-generic fallback and driver header */
                #endif
                	spin_unlock_irqrestore(&f->lock, flags);
                	if (unlikely(n < 0))
                		return READ_ONCE(f->count);
                	foo_lock(f, flags);
                	return n;
                }
                """);
        driverFile = tree.resolve("drivers/gpu/drm/foo/core/foo_irq.c");
    }

    private String cfg(AnalyzerOptions options) throws IOException {
        return new Analyzer(List.of(), options).dumpCfg(driverFile, "foo_count");
    }

    @Test
    void lockApiAndMarkedAccessesSurviveRealHeaderDefinitions() throws IOException {
        String cfg = cfg(AnalyzerOptions.defaults().withPrecise(tree, null));
        assertFalse(cfg.contains("[parse problems]"), cfg);
        assertTrue(cfg.contains("acquire f->lock via spin_lock_irqsave"), cfg);
        assertTrue(cfg.contains("assign n = f->count"), "stand-ins and the driver header are read:\n" + cfg);
        assertTrue(cfg.contains("release f->lock via spin_unlock_irqrestore"), cfg);
        assertTrue(cfg.contains("read marked f->count"), cfg);
        assertTrue(cfg.contains("call foo_lock("), "a lock wrapper macro is an opaque call:\n" + cfg);
        assertTrue(cfg.contains("test n"), "unlikely(x) stays a test of x:\n" + cfg);
    }

    @Test
    void compileCommandsAloneFindTheTreeFromTheirDirectory() throws IOException {
        Path db = Files.writeString(tree.resolve("compile_commands.json"), """
                [{"directory": "%s", "file": "drivers/gpu/drm/foo/core/foo_irq.c",
                  "command": "gcc -I./arch/x86/include -I./include -include ./include/linux/kconfig.h -D__KERNEL__ -c drivers/gpu/drm/foo/core/foo_irq.c"}]
                """.formatted(tree));
        String cfg = cfg(AnalyzerOptions.defaults().withPrecise(null, db));
        assertFalse(cfg.contains("[parse problems]"), cfg);
        assertTrue(cfg.contains("acquire f->lock via spin_lock_irqsave"), cfg);
        assertTrue(cfg.contains("assign n = f->count"), cfg);
    }

    @Test
    void withoutTheHeadersFastModeStillSeesTheLockCalls() throws IOException {
        String cfg = cfg(AnalyzerOptions.defaults());
        assertTrue(cfg.contains("acquire f->lock via spin_lock_irqsave"), cfg);
        assertFalse(cfg.contains("assign n = f->count"), "fast mode reads no configuration:\n" + cfg);
    }
}
