package io.lockcheck.cache;

import io.lockcheck.cfg.Cfg;
import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.frontend.FileFacts;

import java.io.IOException;

/**
 * Lets the CFGs of a file's functions be packed in the cache's binary form, with their strings
 * referenced rather than copied, when more are unpacked than the budget allows
 * ({@link Cfg#packWhenEvicted}); once memory runs short ({@link Cfg#memoryShort}) packed CFGs
 * go to a {@link SpillFile} instead, also those packed in memory before, at their next eviction.
 */
public final class PackedCfgs {
    private PackedCfgs() {
    }

    /** Spill under {@code cacheDir} (the run's --cache-dir; null: the default cache directory). */
    public static void spillUnder(java.nio.file.Path cacheDir) {
        SpillFile.preferDir(cacheDir);
    }

    public static FileFacts pack(FileFacts facts) {
        for (FunctionUnit f : facts.functions()) f.cfg().packWhenEvicted(PackedCfgs::pack, PackedCfgs::unpack);
        return facts;
    }

    private static Object pack(Cfg cfg, Object was) {
        boolean spill = Cfg.memoryShort();
        if (was instanceof SpillFile.Spilled || was != null && !spill) return was;
        RecordCodec.Packed p = was != null ? (RecordCodec.Packed) was : RecordCodec.pack(cfg);
        if (!spill) return p;
        SpillFile.Spilled out = SpillFile.write(p);
        return out != null ? out : p; // no spill file: it stays in memory
    }

    private static Cfg unpack(Object packed) {
        try {
            RecordCodec.Packed p = packed instanceof SpillFile.Spilled s ? SpillFile.read(s) : (RecordCodec.Packed) packed;
            return (Cfg) RecordCodec.unpack(p);
        } catch (RecordCodec.Corrupt | IOException e) {
            throw new IllegalStateException("a packed CFG does not unpack: " + e.getMessage(), e);
        }
    }
}
