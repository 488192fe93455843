package io.lockcheck.cli;

import io.lockcheck.cli.CliHarness.Outcome;
import io.lockcheck.guard.Guard;
import io.lockcheck.guard.TypeTable;
import io.lockcheck.lock.LockPath;
import io.lockcheck.spec.SpecLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code guards}: the real analyzer on small C files, its spec and annotation output, exit codes. */
class GuardsCommandTest {
    /**
     * An LRU whose {@code hits} is annotated and whose {@code count} is written under the LRU's
     * own mutex in four functions (none named like init/teardown code, which is not evidence).
     */
    private static final String LRU = """
            struct mutex { int owner; };
            struct my_lru {
            	struct mutex lock;
            	long count;
            	int hits __guarded_by(&lock);
            };

            void lru_add(struct my_lru *lru)
            {
            	mutex_lock(&lru->lock);
            	lru->count++;
            	mutex_unlock(&lru->lock);
            }

            void lru_del(struct my_lru *lru)
            {
            	mutex_lock(&lru->lock);
            	lru->count--;
            	mutex_unlock(&lru->lock);
            }

            void lru_reset(struct my_lru *lru)
            {
            	mutex_lock(&lru->lock);
            	lru->count = 0;
            	mutex_unlock(&lru->lock);
            }

            void lru_set(struct my_lru *lru, long n)
            {
            	mutex_lock(&lru->lock);
            	lru->count = n;
            	mutex_unlock(&lru->lock);
            }
            """;

    @TempDir
    Path dir;
    private Path source;

    @BeforeEach
    void source() throws IOException {
        source = Files.writeString(dir.resolve("lru.c"), LRU);
    }

    private static Outcome guards(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "guards";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliHarness.run(List.of(), Engine.analyzer(), all);
    }

    @Test
    void annotatedFieldIsAnAnnotationEntry() {
        Outcome o = guards("-j", "1", source.toString());
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().contains("""
                  # annotation: __guarded_by(&lock) in the definition of struct my_lru (%s:5)
                  - field: my_lru.hits
                    guarded_by: lock
                """.formatted(source)), o.out());
    }

    @Test
    void fieldWrittenUnderTheMutexIsAnInferredEntryWithEvidence() {
        Outcome o = guards("-j", "1", source.toString());
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().contains("""
                  # inferred: 'count' is written with 'lru->lock' held 4 of 4 times
                  - field: my_lru.count
                    guarded_by: lock
                """), o.out());
        assertTrue(o.out().indexOf("my_lru.count") < o.out().indexOf("my_lru.hits"), "sorted by struct.field");
        assertEquals("", o.err());
    }

    @Test
    void specOutputLoadsBackWithTheSameFields() throws Exception {
        Path spec = dir.resolve("guards.yaml");
        Outcome o = guards("-j", "1", "-o", spec.toString(), source.toString());
        assertEquals(0, o.exit(), o.err());
        assertEquals("", o.out());
        Set<String> loaded = SpecLoader.load(spec).fields().stream()
                .map(g -> g.struct() + "." + g.field() + " " + g.guardedBy()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("my_lru.count lock", "my_lru.hits lock"), loaded);

        // and given back with --spec, the inferred guard is now declared by that file
        Outcome again = guards("-j", "1", "--spec", spec.toString(), source.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("# spec: " + spec + ":"), again.out());
    }

    @Test
    void annotationsModeGivesAPastableLineWithTheFieldType() {
        Outcome o = guards("-j", "1", "--format", "annotations", source.toString());
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().contains("struct my_lru: long count __guarded_by(&lock);  "
                + "// inferred: 'count' is written with 'lru->lock' held 4 of 4 times\n"), o.out());
        assertTrue(o.out().contains("// already annotated: struct my_lru: int hits __guarded_by(&lock);"), o.out());
    }

    @Test
    void builtinPackGuardsForStructsNotInTheCodeAreOnlyCounted() {
        Outcome o = guards("-j", "1", source.toString());
        assertFalse(o.out().contains("drm_gem_lru"), o.out());
        assertTrue(o.out().contains("guards from built-in spec packs, for structs the analysed code does not use, "
                + "are not listed"), o.out());
    }

    @Test
    void builtinPackGuardsForStructsTheCodeUsesAreListedWithItsBindings() throws IOException {
        // a driver that binds two LRUs to one lock, as msm does with priv->lru.lock
        Path drv = Files.writeString(dir.resolve("drv.c"), """
                struct my_priv { struct mutex lock; struct drm_gem_lru willneed, dontneed; };
                void my_lrus_init(struct my_priv *priv)
                {
                        drm_gem_lru_init(&priv->willneed, &priv->lock);
                        drm_gem_lru_init(&priv->dontneed, &priv->lock);
                }
                long my_count(struct drm_gem_lru *lru) { return lru->count; }
                """);
        Outcome o = guards("-j", "1", drv.toString());
        assertTrue(o.out().contains("field: drm_gem_lru.count"), o.out());
        assertTrue(o.out().contains("my_priv.willneed.lock is my_priv.lock"), o.out());
        assertTrue(o.out().contains("my_priv.dontneed.lock is my_priv.lock"), o.out());
    }

    @Test
    void missingPathIsAUsageErrorAndTheRestIsStillListed() {
        Outcome o = guards("-j", "1", source.toString(), dir.resolve("nope.c").toString());
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("no such file or directory: " + dir.resolve("nope.c")), o.err());
        assertTrue(o.out().contains("my_lru.count"), o.out());
    }

    @Test
    void malformedSpecIsOneLineWithPositionAndExitsTwo() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "version: 1\nfields:\n  - field: my_lru.count\n    guarded: lock\n");
        Outcome o = guards("--spec", bad.toString(), source.toString());
        assertEquals(2, o.exit());
        assertEquals(1, o.errLines().size(), o.err());
        assertTrue(o.err().startsWith(bad + ":"), o.err());
        assertTrue(o.errLines().get(0).matches(".*\\.yaml:\\d+:\\d+: .+"), o.err());
        assertEquals("", o.out());
    }

    @Test
    void unknownFormatIsAUsageError() {
        Outcome o = guards("--format", "json", source.toString());
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("expected yaml or annotations but was 'json'"), o.err());
    }

    private static final TypeTable TYPES = new TypeTable(List.of(), Map.of(
            "obj", Map.of("lru", "struct lru *", "m", "struct mutex *", "inner", "struct box", "n", "int"),
            "box", Map.of("lock", "spinlock_t")));

    private static Guard guard(String field, String relative, String global, String typed) {
        return new Guard("obj", field, relative == null ? null : LockPath.parse(relative), global, typed,
                Guard.Source.INFERENCE, "'" + field + "' is written with 'x' held 3 of 3 times", false);
    }

    @Test
    void annotationOperandsFollowTheLockMember() {
        String out = new GuardsCommand.Listing(TYPES, Map.of(), java.util.Set.of(), Map.of()).annotations(List.of(
                guard("n", "m", null, null), guard("a", "inner.lock", null, null), guard("b", null, "big_lock", null),
                guard("lru", "lru->lock", null, null), guard("c", null, null, "dev.lock"), guard("e", "gone", null, null)));
        assertTrue(out.contains("struct obj: int n __guarded_by(m);"), out); // m is a pointer to the mutex
        assertTrue(out.contains("struct obj: /* type unknown */ a __guarded_by(&inner.lock);"), out);
        assertTrue(out.contains("struct obj: /* type unknown */ b __guarded_by(&big_lock);"), out);
        assertTrue(out.contains("// struct obj: lru is guarded by 'lru->lock', which is not a member of the struct"), out);
        assertTrue(out.contains("// struct obj: c is guarded by a lock of type 'dev.lock' (no instance known)"), out);
        assertTrue(out.contains("__guarded_by(&gone);  // inferred: 'e' is written with 'x' held 3 of 3 times; "
                + "'&' assumes 'gone' is not a pointer (its type is unknown)\n"), out);
    }

    @Test
    void guardsASpecCannotExpressAreComments() {
        String out = new GuardsCommand.Listing(TYPES, Map.of(), java.util.Set.of(), Map.of()).yaml(List.of(
                guard("b", null, "big_lock", null), guard("c", null, null, "dev.lock"), guard("d", "slots[i].lock", null, null)));
        assertTrue(out.contains("  - field: obj.b\n    guarded_by: global big_lock\n"), out);
        assertTrue(out.contains("  # - field: obj.c\n  #   guarded_by: type dev.lock\n"), out);
        assertTrue(out.contains("  # - field: obj.d\n  #   guarded_by: slots[i].lock\n"), out); // no variable indexes
    }

    @Test
    void onlyTypedGuardsMakeAnEmptyFieldList() {
        String out = new GuardsCommand.Listing(TYPES, Map.of(), java.util.Set.of(), Map.of()).yaml(List.of(guard("c", null, null, "dev.lock")));
        assertTrue(out.contains("fields: []\n"), out);
    }

    @Test
    void scalarsAreQuotedWhenYamlWouldReadThemOtherwise() {
        assertEquals("lru->lock", GuardsCommand.Listing.quoted("lru->lock"));
        assertEquals("global drm_global_mutex", GuardsCommand.Listing.quoted("global drm_global_mutex"));
        assertEquals("l", GuardsCommand.Listing.quoted("l"));
        assertEquals("\"on\"", GuardsCommand.Listing.quoted("on"));
        assertEquals("\"a: b\"", GuardsCommand.Listing.quoted("a: b"));
    }

    @Test
    void specProvenanceNamesTheFile() {
        Guard g = new Guard("obj", "n", LockPath.of("m"), null, null, Guard.Source.SPEC, "lock spec merged", false);
        String out = new GuardsCommand.Listing(TYPES, Map.of("obj.n", "my.yaml:7"), java.util.Set.of(), Map.of()).yaml(List.of(g));
        assertTrue(out.contains("  # spec: my.yaml:7\n  - field: obj.n\n"), out);
    }
}
