package io.lockcheck.spec;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in DRM GEM LRU pack states the Linux 6.12 locking of drm_gem_lru (and the 2026 fix). */
class DrmGemLruPackTest {
    private final Spec pack = SpecLoader.builtin("drm-gem-lru");

    private Optional<String> guard(String struct, String field, String ifSeen) {
        return pack.fields().stream()
                .filter(g -> g.struct().equals(struct) && g.field().equals(field) && java.util.Objects.equals(g.ifSeen(), ifSeen))
                .map(Spec.FieldGuard::guardedBy).findFirst();
    }

    private Spec.FunctionContract contract(String name) {
        return pack.functions().stream().filter(f -> f.function().equals(name)).findFirst().orElseThrow(() ->
                new AssertionError("no contract for " + name));
    }

    @Test
    void isListedAndNamedAsBuiltin() {
        assertEquals(List.of("drm-gem-lru"), SpecLoader.builtinNames());
        assertEquals("builtin:drm-gem-lru", pack.source());
    }

    @Test
    void lruListAndCountAreGuardedByTheLrusOwnLockAlways() {
        assertEquals(Optional.of("lock"), guard("drm_gem_lru", "list", null));
        assertEquals(Optional.of("lock"), guard("drm_gem_lru", "count", null));
    }

    @Test
    void objectMembershipIsSelfGuardedBeforeTheFixAndByTheDeviceMutexAfter() {
        for (String field : List.of("lru", "lru_node")) {
            assertEquals(Optional.of("lru->lock"), guard("drm_gem_object", field, "!gem_lru_mutex"), field);
            assertEquals(Optional.of("dev->gem_lru_mutex"), guard("drm_gem_object", field, "gem_lru_mutex"), field);
            assertEquals(Optional.empty(), guard("drm_gem_object", field, null), field + ": no unconditional guard");
        }
    }

    @Test
    void helpersContractsAreInParameterTerms() {
        assertEquals(List.of("lru->lock"), contract("drm_gem_lru_move_tail_locked").requires());
        assertEquals(List.of("obj->lru->lock"), contract("drm_gem_lru_remove_locked").requires());
        for (String locking : List.of("drm_gem_lru_move_tail", "drm_gem_lru_remove", "drm_gem_lru_scan")) {
            Spec.FunctionContract c = contract(locking);
            // they lock and unlock inside: nothing required of, or left to, the caller
            assertTrue(c.requires().isEmpty() && c.acquires().isEmpty() && c.releases().isEmpty(), c.toString());
        }
    }

    @Test
    void lruInitBindsTheLruLockPointerToItsSecondArgument() {
        assertEquals(List.of(new Spec.Binding("drm_gem_lru_init", "lru->lock", "lock", pack.bindings().get(0).mark())),
                pack.bindings());
    }

    @Test
    void structsGiveTheFieldTypesAsTheKernelDeclaresThem() {
        assertEquals(Map.of("lock", "struct mutex *", "count", "long", "list", "struct list_head"),
                pack.structs().get("drm_gem_lru"));
        Map<String, String> obj = pack.structs().get("drm_gem_object");
        assertEquals("struct drm_gem_lru *", obj.get("lru"));
        assertEquals("struct list_head", obj.get("lru_node"));
        assertEquals("struct drm_device *", obj.get("dev"));
        assertEquals("struct dma_resv *", obj.get("resv"));
    }

    @Test
    void everyEntryMarkPointsAtItsLineInThePack() throws Exception {
        List<String> lines;
        try (InputStream in = SpecLoader.class.getResourceAsStream("drm-gem-lru.yaml")) {
            assertNotNull(in);
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        for (Spec.FieldGuard g : pack.fields()) {
            assertEquals("  - field: " + g.struct() + "." + g.field(), lines.get(g.mark().line() - 1));
        }
        for (Spec.FunctionContract f : pack.functions()) {
            assertTrue(lines.get(f.mark().line() - 1).startsWith("  - name: " + f.function()), f.function());
        }
    }

    @Test
    void unknownPackIsRejectedWithTheKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpecLoader.builtin("drm-gem-lur"));
        assertTrue(e.getMessage().contains("drm-gem-lru"), e.getMessage());
    }
}
