package io.lockcheck.spec;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads lock specs: the built-in packs on the class path ({@code /io/lockcheck/spec/NAME.yaml})
 * and user files given with {@code --spec}. The format (version 1) is described at the top of
 * {@code drm-gem-lru.yaml} and in {@code samples/specs/README.md}.
 *
 * <p>YAML is only <em>composed</em> into a node tree, never constructed into Java objects, so a
 * spec file cannot instantiate anything; the tree keeps each node's position for errors. Size,
 * nesting and alias limits make hostile files ("billion laughs") fail fast with a clean error.
 *
 * <p>{@link Spec.FieldGuard#ifSeen()} encodes the entry's condition: {@code if_seen: X} gives
 * {@code "X"} (applies only when the code takes or asserts a lock field named X), {@code
 * unless_seen: X} gives {@code "!X"} (applies only when it does not), neither gives null.
 * Guard paths are kept as written, except {@code global NAME} which is normalised to one blank.
 */
public final class SpecLoader {
    /** Larger than any real spec by far; also stops a device file like /dev/zero from being read forever. */
    static final int MAX_BYTES = 3 * 1024 * 1024;
    /** Aliases of lists or mappings: a real spec needs few, a "billion laughs" file needs many. */
    static final int MAX_COLLECTION_ALIASES = 10;
    /** A spec nests five levels deep; this leaves room without letting a stack overflow happen. */
    static final int MAX_NESTING = 30;

    private static final List<String> BUILTIN = List.of("drm-gem-lru");

    private SpecLoader() {
    }

    /** Loads and checks a user spec file; every problem, I/O included, is a {@link SpecError}. */
    public static Spec load(Path file) throws SpecError {
        try {
            return parse(file, read(file), file.toString());
        } catch (RuntimeException | StackOverflowError e) {
            // a defect here must still be a configuration error, not a stack trace
            throw new SpecError(file, 1, 1, "cannot load spec: " + SpecNodes.oneLine(String.valueOf(e)));
        }
    }

    /** The names of the built-in packs, for {@link #builtin}. */
    public static List<String> builtinNames() {
        return BUILTIN;
    }

    /**
     * A built-in pack, with source {@code builtin:NAME}. A pack that does not load is a defect in
     * lockcheck itself, hence unchecked.
     */
    public static Spec builtin(String name) {
        if (!BUILTIN.contains(name)) {
            throw new IllegalArgumentException("no built-in spec pack '" + name + "' (known: " + String.join(", ", BUILTIN) + ")");
        }
        String resource = name + ".yaml";
        Path where = Path.of("builtin:" + name);
        try (InputStream in = SpecLoader.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("built-in spec pack missing from the class path: " + resource);
            return parse(where, in.readAllBytes(), "builtin:" + name);
        } catch (SpecError e) {
            throw new IllegalStateException("built-in spec pack is malformed: " + e.oneLine(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in spec pack " + resource, e);
        }
    }

    private static byte[] read(Path file) throws SpecError {
        if (Files.isDirectory(file)) throw new SpecError(file, 1, 1, "is a directory, not a spec file");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new SpecError(file, 1, 1, "spec file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new SpecError(file, 1, 1, "no such spec file");
        } catch (AccessDeniedException e) {
            throw new SpecError(file, 1, 1, "permission denied reading spec file");
        } catch (IOException e) {
            throw new SpecError(file, 1, 1, "cannot read spec file: " + SpecNodes.oneLine(String.valueOf(e.getMessage())));
        }
    }

    static Spec parse(Path file, byte[] bytes, String source) throws SpecError {
        String text = decode(file, bytes);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // enforced again by SpecNodes, which sees composed nodes
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        AliasLimit parser = new AliasLimit(new ParserImpl(new StreamReader(text), options));
        Node root;
        try {
            root = new Composer(parser, new Resolver(), options).getSingleNode();
        } catch (AliasLimit.Exceeded e) {
            throw at(file, e.mark, "more than " + MAX_COLLECTION_ALIASES
                    + " aliases of lists or mappings (refused: expanding them could exhaust memory)");
        } catch (MarkedYAMLException e) {
            throw syntax(file, e);
        } catch (ReaderException e) {
            int[] lc = lineColumn(text, e.getPosition());
            throw new SpecError(file, lc[0], lc[1], String.format(java.util.Locale.ROOT,
                    "invalid YAML: character U+%04X is not allowed (is this a binary file?)", e.getCodePoint()));
        } catch (YAMLException e) {
            throw at(file, parser.last, "invalid YAML: " + SpecNodes.oneLine(String.valueOf(e.getMessage())));
        }
        return new SpecReader(file).read(root, source);
    }

    /** Strict UTF-8: a wrong byte is reported where it is, instead of becoming U+FFFD in a lock name. */
    private static String decode(Path file, byte[] bytes) throws SpecError {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) r = d.flush(out);
        if (r.isError()) {
            int bad = in.position();
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            int[] lc = lineColumn(before, before.codePointCount(0, before.length()));
            throw new SpecError(file, lc[0], lc[1], String.format(java.util.Locale.ROOT,
                    "not UTF-8 text: invalid byte 0x%02X (is this a binary file?)", bytes[bad] & 0xff));
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** 1-based line and column of the code point at {@code index} in {@code text}. */
    static int[] lineColumn(String text, int index) {
        int line = 1, column = 1, i = 0;
        for (int cp = 0; cp < index && i < text.length(); cp++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    private static SpecError syntax(Path file, MarkedYAMLException e) {
        Mark where = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        StringBuilder m = new StringBuilder("invalid YAML: ").append(e.getProblem() == null ? "malformed" : e.getProblem());
        if (e.getContext() != null) {
            m.append(" (").append(e.getContext());
            if (e.getContextMark() != null && e.getContextMark() != where) {
                Spec.Mark c = SpecNodes.mark(e.getContextMark());
                m.append(" at ").append(c.line()).append(':').append(c.column());
            }
            m.append(')');
        }
        return at(file, where, m.toString());
    }

    private static SpecError at(Path file, Mark mark, String message) {
        Spec.Mark m = SpecNodes.mark(mark);
        return new SpecError(file, m.line(), m.column(), SpecNodes.oneLine(message));
    }

    /**
     * Counts aliases of lists and mappings as the composer pulls events, so the limit error can
     * point at the alias that crosses it (snakeyaml's own check has no position); remembers the
     * last event's position for snakeyaml errors that have none (nesting too deep).
     */
    private static final class AliasLimit implements Parser {
        static final class Exceeded extends RuntimeException {
            final transient Mark mark;

            Exceeded(Mark mark) {
                super(null, null, false, false);
                this.mark = mark;
            }
        }

        private final Parser parser;
        private final Set<String> scalarAnchors = new HashSet<>();
        private int collectionAliases;
        Mark last;

        AliasLimit(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return parser.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public Event getEvent() {
            Event e = parser.getEvent();
            last = e.getStartMark();
            if (e instanceof ScalarEvent s && s.getAnchor() != null) {
                scalarAnchors.add(s.getAnchor());
            } else if (e instanceof CollectionStartEvent c && c.getAnchor() != null) {
                scalarAnchors.remove(c.getAnchor()); // an anchor may be redefined
            } else if (e instanceof AliasEvent a && !scalarAnchors.contains(a.getAnchor())
                    && ++collectionAliases > MAX_COLLECTION_ALIASES) {
                throw new Exceeded(e.getStartMark());
            }
            return e;
        }
    }
}
