package io.lockcheck.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Valid spec files load into the expected records, with the positions of their entries. */
class SpecLoaderTest {
    @TempDir
    Path dir;

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(SpecLoaderTest.class.getResource(name).toURI());
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void completeFileLoadsEveryFieldGuardWithItsConditionAndMark() throws Exception {
        Path file = fixture("complete.yaml");
        Spec spec = SpecLoader.load(file);
        assertEquals(file.toString(), spec.source());
        assertEquals(List.of(
                new Spec.FieldGuard("my_lru", "count", "lock", null, new Spec.Mark(8, 5)),
                new Spec.FieldGuard("my_obj", "lru", "lru->lock", "!big_mutex", new Spec.Mark(10, 5)),
                new Spec.FieldGuard("my_obj", "lru", "dev->big_mutex", "big_mutex", new Spec.Mark(13, 5)),
                // flow style; 'global' with extra blanks is normalised to one
                new Spec.FieldGuard("my_dev", "minor", "global minor_lock", null, new Spec.Mark(16, 5))),
                spec.fields());
    }

    @Test
    void completeFileLoadsContractsBindingsAndStructs() throws Exception {
        Spec spec = SpecLoader.load(fixture("complete.yaml"));
        assertEquals(List.of(
                new Spec.FunctionContract("my_lru_move_locked", List.of("lru->lock"), List.of(), List.of(),
                        new Spec.Mark(18, 5)),
                new Spec.FunctionContract("my_lock_all", List.of(), List.of("dev->slots[0].lock", "dev->slots[1].lock"),
                        List.of(), new Spec.Mark(20, 5)),
                new Spec.FunctionContract("my_unlock_all", List.of(), List.of(),
                        List.of("dev->slots[0].lock", "dev->slots[1].lock"), new Spec.Mark(25, 5))),
                spec.functions());
        assertEquals(List.of(new Spec.Binding("my_lru_init", "lru->lock", "lock", new Spec.Mark(28, 5))), spec.bindings());
        assertEquals(Map.of("my_lru", Map.of("lock", "struct mutex *", "count", "long")), spec.structs());
    }

    @Test
    void emptyAndCommentOnlyFilesAreEmptySpecs() throws Exception {
        for (String text : new String[] {"", "# every entry commented out\n# - field: a.b\n", "version: 1\nfields:\n"}) {
            Spec spec = SpecLoader.load(write("empty.yaml", text));
            assertTrue(spec.fields().isEmpty() && spec.functions().isEmpty() && spec.bindings().isEmpty()
                    && spec.structs().isEmpty(), text);
        }
    }

    @Test
    void byteOrderMarkAndCrLfLineEndingsKeepThePositions() throws Exception {
        Path file = dir.resolve("windows.yaml");
        Files.write(file, "\uFEFFversion: 1\r\nfields:\r\n  - field: a.b\r\n    guarded_by: \"lock\"\r\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new Spec.FieldGuard("a", "b", "lock", null, new Spec.Mark(3, 5))),
                SpecLoader.load(file).fields());
    }

    @Test
    void fewAliasesAreFine() throws Exception {
        // anchors are a legitimate way to share a list between contracts
        Spec spec = SpecLoader.load(write("aliases.yaml", """
                functions:
                  - name: f
                    requires: &both [a->lock, b->lock]
                  - name: g
                    requires: *both
                """));
        assertEquals(List.of("a->lock", "b->lock"), spec.functions().get(1).requires());
    }

    @Test
    void guardsCommandStyleOutputLoads() throws Exception {
        // what 'lockcheck guards' writes: comments, quoted scalars, commented-out entries
        Spec spec = SpecLoader.load(write("guards.yaml", """
                # Guards of struct fields found by 'lockcheck guards'.
                version: 1
                fields:
                  # inferred: 'count' is written with 'lru->lock' held 4 of 4 times
                  - field: my_lru.count
                    guarded_by: lock
                  # (not an entry: a lock known only by its type cannot be written in a spec)
                  # - field: my_lru.hits
                  #   guarded_by: "type struct mutex"
                  - field: "my_lru.on"
                    guarded_by: "global lru_lock"
                """));
        assertEquals(List.of("my_lru.count lock", "my_lru.on global lru_lock"),
                spec.fields().stream().map(g -> g.struct() + "." + g.field() + " " + g.guardedBy()).toList());
    }

    @Test
    void exampleDriverSampleLoads() throws Exception {
        Path sample = Path.of("../samples/specs/example-driver.yaml");
        Spec spec = SpecLoader.load(sample);
        assertTrue(spec.fields().contains(new Spec.FieldGuard("my_device", "objects", "lock", null, new Spec.Mark(23, 5))),
                spec.fields().toString());
        assertEquals(List.of("mdev->lock"), spec.functions().stream()
                .filter(f -> f.function().equals("my_obj_list_locked")).findFirst().orElseThrow().requires());
    }
}
