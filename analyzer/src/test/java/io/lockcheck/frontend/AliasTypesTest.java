package io.lockcheck.frontend;

import io.lockcheck.cfg.FunctionUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** An alias local lends its declared type to the path it names, unless locals of other types name it too. */
class AliasTypesTest {
    private static final String C = """
            struct cmd { int op; };
            struct rsp { int op; };
            struct dev { char *buf; struct priv *priv; };
            int punned(struct dev *d) {
                struct cmd *c = (void *)d->buf;
                struct rsp *r = (void *)d->buf;
                c->op = 1;
                return r->op;
            }
            int typed(struct dev *d) {
                struct priv *p = d->priv;
                struct priv *q = d->priv;
                return p == q;
            }
            """;

    @Test
    void aPunnedPathHasNoTypeAndOneAliasedByLikeTypedLocalsHasTheirs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("alias.c");
        Files.writeString(file, C);
        List<FunctionUnit> fns = FileFacts.of(file, new CParser(List.of(), Map.of()), 1 << 20).functions();
        FunctionUnit punned = fns.stream().filter(f -> f.name().equals("punned")).findFirst().orElseThrow();
        FunctionUnit typed = fns.stream().filter(f -> f.name().equals("typed")).findFirst().orElseThrow();
        // which of the two types it got depended on the iteration order of an immutable map: per JVM run
        assertFalse(punned.types().containsKey("d->buf"), () -> "types: " + punned.types());
        assertEquals("struct cmd *", punned.types().get("c"));
        assertEquals("struct priv *", typed.types().get("d->priv"));
    }
}
