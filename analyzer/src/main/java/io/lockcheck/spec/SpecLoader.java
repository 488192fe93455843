package io.lockcheck.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** TEMPORARY stub until the YAML loader lands. */
public final class SpecLoader {
    private SpecLoader() {
    }

    public static Spec load(Path file) throws SpecError {
        throw new SpecError(file, 1, 1, "spec loading not implemented yet");
    }

    public static Spec builtin(String name) {
        return new Spec("builtin:" + name, List.of(
                new Spec.FieldGuard("drm_gem_lru", "list", "lock", null, null),
                new Spec.FieldGuard("drm_gem_lru", "count", "lock", null, null),
                new Spec.FieldGuard("drm_gem_object", "lru", "lru->lock", "!gem_lru_mutex", null),
                new Spec.FieldGuard("drm_gem_object", "lru_node", "lru->lock", "!gem_lru_mutex", null)),
                List.of(new Spec.FunctionContract("drm_gem_lru_move_tail_locked", List.of("lru->lock"), List.of(), List.of(), null)),
                List.of(new Spec.Binding("drm_gem_lru_init", "lru->lock", "lock", null)),
                Map.of("drm_gem_object", Map.of("lru", "struct drm_gem_lru *", "dev", "struct drm_device *"),
                        "drm_gem_lru", Map.of("lock", "struct mutex *", "list", "struct list_head", "count", "long")));
    }
}
