package io.lockcheck.suppress;

import io.lockcheck.frontend.SourceText;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which lines a {@code lockcheck: ignore} comment covers, which rules it names and why. */
class SuppressionCommentTest {

    private static List<SuppressionComment> parse(String c) {
        return SuppressionComment.in(new SourceText(Path.of("t.c"), c.toCharArray()));
    }

    @Test
    void trailingBlockCommentCoversItsOwnLine() {
        List<SuppressionComment> s = parse("""
                int f(struct s *p)
                {
                	return p->x; /* lockcheck: ignore LC001 -- only a statistic */
                }
                """);
        assertEquals(List.of(new SuppressionComment(3, 3, List.of("LC001"), "only a statistic")), s);
    }

    @Test
    void lineCommentOnALineOfItsOwnCoversTheNextLine() {
        List<SuppressionComment> s = parse("""
                	// lockcheck: ignore LC001, LC003 -- read once for a debugfs dump
                	v = p->x;
                """);
        assertEquals(List.of(new SuppressionComment(1, 2, List.of("LC001", "LC003"), "read once for a debugfs dump")), s);
    }

    @Test
    void wrappedBlockCommentCoversTheLineAfterItsEnd() {
        List<SuppressionComment> s = parse("""
                	/*
                	 * lockcheck: ignore UnlockedRead -- the caller holds the lock through
                	 * a path lockcheck cannot follow (a callback table)
                	 */
                	v = p->x;
                """);
        assertEquals(1, s.size());
        assertEquals(1, s.get(0).line());
        assertEquals(5, s.get(0).covers());
        assertEquals(List.of("UnlockedRead"), s.get(0).rules());
        assertEquals("the caller holds the lock through a path lockcheck cannot follow (a callback table)", s.get(0).reason());
    }

    @Test
    void commentBeforeCodeOnTheSameLineCoversThatLine() {
        assertEquals(4, parse("\n\n\n\t/* lockcheck: ignore LC001 -- why */ v = p->x;\n").get(0).covers());
    }

    /** A trailing comment belongs to its own statement, never to the one below it. */
    @Test
    void trailingCommentDoesNotReachTheNextLine() {
        List<SuppressionComment> s = parse("""
                	a = p->y; // lockcheck: ignore LC001 -- stale is fine here
                	b = p->x;
                """);
        assertEquals(1, s.get(0).covers());
    }

    @Test
    void reasonIsRequired() {
        assertNull(parse("v = p->x; /* lockcheck: ignore LC001 */\n").get(0).reason());
        assertNull(parse("v = p->x; /* lockcheck: ignore LC001 -- */\n").get(0).reason());
        assertNull(parse("v = p->x; // lockcheck: ignore LC001 --   \n").get(0).reason());
        assertEquals(List.of("LC001"), parse("v = p->x; /* lockcheck: ignore LC001 */\n").get(0).rules());
    }

    @Test
    void noRulesIsParsedSoThatItCanBeReported() {
        SuppressionComment s = parse("v = p->x; /* lockcheck: ignore -- because */\n").get(0);
        assertEquals(List.of(), s.rules());
        assertEquals("because", s.reason());
    }

    @Test
    void otherCommentsAndStringsAreNotSuppressions() {
        assertEquals(List.of(), parse("""
                /* lockcheck ignores nothing here */
                /* see lockcheck: ignore comments in the README */
                const char *s = "/* lockcheck: ignore LC001 -- in a string */";
                const char *t = "// lockcheck: ignore LC001 -- in a string";
                char q = '"'; /* a quote in a character literal does not open a string */
                """));
        List<SuppressionComment> after = parse("""
                char q = '"';
                /* a comment */
                const char *s = "a \\" /* still a string */";


                v = p->x; /* lockcheck: ignore LC001 -- after escapes */
                """);
        assertEquals(List.of(new SuppressionComment(6, 6, List.of("LC001"), "after escapes")), after);
    }

    @Test
    void reasonMayItselfContainDashes() {
        assertEquals("the count is re-read -- under the lock -- later",
                parse("v = p->x; /* lockcheck: ignore LC001 -- the count is re-read -- under the lock -- later */").get(0).reason());
    }
}
