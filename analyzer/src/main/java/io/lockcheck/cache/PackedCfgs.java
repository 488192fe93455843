package io.lockcheck.cache;

import io.lockcheck.cfg.Cfg;
import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.frontend.FileFacts;

/**
 * Lets the CFGs of a file's functions be packed in the cache's binary form, with their strings
 * referenced rather than copied, when memory runs short ({@link Cfg#packWhenEvicted}).
 */
public final class PackedCfgs {
    private PackedCfgs() {
    }

    public static FileFacts pack(FileFacts facts) {
        for (FunctionUnit f : facts.functions()) f.cfg().packWhenEvicted(RecordCodec::pack, PackedCfgs::unpack);
        return facts;
    }

    private static Cfg unpack(Object packed) {
        try {
            return (Cfg) RecordCodec.unpack((RecordCodec.Packed) packed);
        } catch (RecordCodec.Corrupt e) {
            throw new IllegalStateException("a packed CFG does not unpack: " + e.getMessage(), e);
        }
    }
}
