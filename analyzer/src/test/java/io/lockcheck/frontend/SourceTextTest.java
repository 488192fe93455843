package io.lockcheck.frontend;

import io.lockcheck.cfg.Span;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Offsets to lines and columns, the way every span of a run is made. */
class SourceTextTest {
    @Test
    void spanAgreesWithLineAndColumnForEveryPairOfOffsets() throws Exception {
        String c = "int a;\n\n  x = y;\r\nlong_line_without_end";
        SourceText src = SourceText.of(Path.of("t.c"), c.getBytes(StandardCharsets.UTF_8));
        for (int start = 0; start <= c.length(); start++) {
            for (int end = start; end <= c.length(); end++) {
                Span want = new Span(src.line(start), src.column(start), src.line(end), src.column(end));
                assertEquals(want, src.span(start, end), start + ".." + end);
            }
        }
        assertEquals(new Span(3, 3, 3, 9), src.span(10, 16));
        assertEquals(new Span(1, 6, 2, 1), src.span(5, 7));
    }
}
