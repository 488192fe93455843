package io.lockcheck.frontend;

import io.lockcheck.rule.Level;
import io.lockcheck.rule.Notification;
import org.eclipse.cdt.core.parser.ParseError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files that would hang, flood or exhaust the parser are skipped with one notification each. */
class FileFactsLimitsTest {
    private static final CParser PARSER = new CParser(List.of(), Map.of());

    @TempDir
    Path dir;

    private static Notification only(FileFacts f) {
        assertEquals(1, f.notifications().size(), f.notifications().toString());
        return f.notifications().get(0);
    }

    @Test
    void socketNamedOnTheCommandLineIsSkippedNotRead() throws IOException {
        Path socket = dir.resolve("s.c");
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(socket));
        }
        Notification n = only(FileFacts.of(socket, PARSER, 1 << 20, 60_000));
        assertEquals(Level.WARNING, n.level());
        assertTrue(n.message().startsWith("not a regular file"), n.message());
    }

    @Test
    void parseThatOutlivesItsTimeLimitIsCutShort() throws IOException {
        // 10,000 nested parentheses take CDT far longer than a millisecond
        Path deep = Files.writeString(dir.resolve("deep.c"), "int f(int x) { return " + "(".repeat(10_000) + "x"
                + ")".repeat(10_000) + "; }\n");
        FileFacts f = FileFacts.of(deep, PARSER, 1 << 20, 1);
        Notification n = only(f);
        assertEquals(Level.WARNING, n.level());
        assertEquals("parsing stopped at the --parse-timeout limit of 0.001 s; file skipped", n.message());
        assertFalse(f.failed());
        assertTrue(f.functions().isEmpty());
    }

    @Test
    void exponentialMacroIsRefusedBeforeItIsExpanded() throws IOException {
        StringBuilder b = new StringBuilder("#define M0 x\n");
        for (int i = 1; i <= 40; i++) b.append("#define M").append(i).append(" M").append(i - 1).append(" + M").append(i - 1).append('\n');
        Path bomb = Files.writeString(dir.resolve("bomb.c"), b + "int f(int x) { return M40; }\n");
        Notification n = only(FileFacts.of(bomb, PARSER, 1 << 20, 60_000));
        assertEquals(Level.WARNING, n.level());
        assertEquals("macro M21 expands to more than 4000000 tokens (too large to analyse); file skipped", n.message());
    }

    @Test
    void tokenLimitStopsTheParser() throws Exception {
        SourceText src = new SourceText(Path.of("t.c"), "int a; int b; int c; int d;\n".repeat(100).toCharArray());
        try (ParseLimit limit = ParseLimit.start(60_000, 50)) {
            assertThrows(ParseError.class, () -> PARSER.parse(src));
            assertEquals(ParseLimit.Exceeded.TOKENS, limit.exceeded());
        }
        try (ParseLimit limit = ParseLimit.start(60_000, 10_000)) {
            assertEquals(400, PARSER.parse(src).getDeclarations().length);
            assertNull(limit.exceeded());
        }
    }

    @Test
    void fileOverTheSizeLimitIsNotRead() throws IOException {
        Path big = Files.writeString(dir.resolve("big.c"), "int x;\n".repeat(100));
        assertEquals("file is 700 bytes, over the --max-file-size limit of 699; skipped",
                only(FileFacts.of(big, PARSER, 699, 60_000)).message());
    }
}
