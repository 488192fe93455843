package io.lockcheck.frontend;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A C file's text as UTF-16 chars with a line table. We read it ourselves (CDT gives offsets and
 * line numbers but no columns); offsets are UTF-16 units, which is SARIF's default column kind.
 */
public final class SourceText {
    private final Path path;
    private final char[] chars;
    private final int[] lineStarts;

    public SourceText(Path path, char[] chars) {
        this.path = path;
        this.chars = chars;
        this.lineStarts = computeLineStarts(chars);
    }

    /** Thrown for files that are not text: NUL bytes or invalid UTF-8. */
    public static final class NotText extends IOException {
        public NotText(String message) {
            super(message);
        }
    }

    public static SourceText read(Path path) throws IOException {
        return of(path, Files.readAllBytes(path));
    }

    /** The text of {@code path} from bytes already read. */
    public static SourceText of(Path path, byte[] bytes) throws NotText {
        for (byte b : bytes) {
            if (b == 0) {
                throw new NotText("binary file (contains NUL bytes), skipped");
            }
        }
        try {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            var buf = decoder.decode(ByteBuffer.wrap(bytes));
            char[] chars = new char[buf.remaining()];
            buf.get(chars);
            return new SourceText(path, chars);
        } catch (CharacterCodingException e) {
            // Old kernel files carry Latin-1 names in comments; decode leniently rather than skip.
            return new SourceText(path, new String(bytes, StandardCharsets.ISO_8859_1).toCharArray());
        }
    }

    private static int[] computeLineStarts(char[] chars) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    public Path path() {
        return path;
    }

    public char[] chars() {
        return chars;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 1-based line of an offset. */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The span from offset {@code start} to {@code end}: one line lookup per end (spans are made for every event). */
    public io.lockcheck.cfg.Span span(int start, int end) {
        int line = line(start);
        int endLine = end >= start && (line == lineStarts.length || end < lineStarts[line]) ? line : line(end);
        return new io.lockcheck.cfg.Span(line, start - lineStarts[line - 1] + 1, endLine, end - lineStarts[endLine - 1] + 1);
    }

    /** 1-based column (UTF-16 units) of an offset. */
    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** The text of a 1-based line without its line terminator. */
    public String lineText(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : chars.length;
        if (end > start && chars[end - 1] == '\r') {
            end--;
        }
        return new String(chars, start, Math.max(0, end - start));
    }

    public String text(int offset, int length) {
        int from = Math.max(0, Math.min(offset, chars.length));
        int to = Math.max(from, Math.min(offset + length, chars.length));
        return new String(chars, from, to - from);
    }
}
