package io.lockcheck.frontend.precise;

import io.lockcheck.frontend.Prelude;
import io.lockcheck.frontend.SourceText;
import org.eclipse.cdt.core.index.IIndexFileLocation;
import org.eclipse.cdt.internal.core.parser.IMacroDictionary;
import org.eclipse.cdt.internal.core.parser.scanner.CharArray;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContent;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContentProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Serves headers to CDT in precise mode. Each header is read, and its protected macro
 * definitions dropped, once per run: the text is kept in a cache shared by all parser threads
 * (CDT still preprocesses it once per translation unit; it has no reusable macro state outside
 * its index). A provider instance holds CDT's per-unit state, so each parse gets its own over the
 * shared cache. Headers an unbuilt tree lacks come from {@link #FALLBACK}, searched last.
 */
public final class KernelHeaders extends InternalFileContentProvider {
    /** The macro file: lock shapes, compiler predefines, likely/unlikely. */
    public static final String PRELUDE = "/lockcheck/precise-prelude.h";
    /** The last include directory: generated headers and asm-generic wrappers of an unbuilt tree. */
    public static final String FALLBACK = "/lockcheck/fallback";
    private static final char[] PRELUDE_TEXT = (new String(Prelude.lockShapes()) + resource("compiler.h")
            + ProtectedMacros.shapes()).toCharArray();

    /**
     * Header text by absolute path, shared by every parse of a run (CDT only reads it), stored
     * with protected macros dropped, inline bodies emptied and compacted. Softly referenced: a
     * run over a whole driver may touch gigabytes of register headers, and memory pressure
     * should cost a re-read, not the run.
     */
    public static final class Cache {
        private static final SoftReference<CharArray> MISSING = new SoftReference<>(null);
        private final ConcurrentMap<String, SoftReference<CharArray>> files = new ConcurrentHashMap<>();
        private final Path tree;
        private final DriverIncludes driverIncludes;

        public Cache(Path tree) {
            this.tree = tree;
            this.driverIncludes = new DriverIncludes(tree);
        }

        Optional<CharArray> get(String path) {
            SoftReference<CharArray> ref = files.get(path);
            if (ref == MISSING) return Optional.empty();
            CharArray text = ref == null ? null : ref.get();
            if (text != null) return Optional.of(text);
            Optional<CharArray> read = read(path);
            files.put(path, read.map(SoftReference::new).orElse(MISSING));
            return read;
        }

        private static Optional<CharArray> read(String path) {
            Path p = Path.of(path);
            if (!Files.isRegularFile(p)) return Optional.empty();
            try {
                return Optional.of(new CharArray(CompactText.of(InlineBodies.strip(ProtectedMacros.strip(SourceText.read(p).chars())))));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    private final Cache cache;

    public KernelHeaders(Cache cache) {
        this.cache = cache;
        setIncludeResolutionHeuristics(cache.driverIncludes);
    }

    @Override
    public boolean getInclusionExists(String path) {
        if (PRELUDE.equals(path)) return true;
        if (path.startsWith(FALLBACK + "/")) return fallback(path.substring(FALLBACK.length() + 1)) != null;
        return cache.get(path).isPresent();
    }

    @Override
    public InternalFileContent getContentForInclusion(String path, IMacroDictionary macros) {
        if (PRELUDE.equals(path)) return new InternalFileContent(path, new CharArray(PRELUDE_TEXT));
        if (path.startsWith(FALLBACK + "/")) {
            String text = fallback(path.substring(FALLBACK.length() + 1));
            if (text != null) return new InternalFileContent(path, new CharArray(text));
        }
        Optional<CharArray> text = cache.get(path);
        if (text.isEmpty()) return null;
        return new InternalFileContent(path, text.get()); // shared: CDT hashes each header once per run
    }

    @Override
    public InternalFileContent getContentForInclusion(IIndexFileLocation loc, String astPath) {
        return null;
    }

    /**
     * A stand-in for a header kbuild would have generated: {@code generated/...} and
     * {@code linux/version.h} from our resources, {@code asm/X.h} as the asm-generic header kbuild would wrap; else null.
     */
    private String fallback(String rel) {
        String generated = optionalResource(rel.startsWith("generated/") ? rel : "generated/uapi/" + rel);
        if (generated != null) return generated;
        if (rel.startsWith("asm/") && cache.tree != null) {
            String name = rel.substring("asm/".length());
            if (cache.get(cache.tree.resolve("include/asm-generic/" + name).toString()).isPresent()
                    || cache.get(cache.tree.resolve("include/uapi/asm-generic/" + name).toString()).isPresent()) {
                return "#include <asm-generic/" + name + ">\n";
            }
        }
        return null;
    }

    private static String resource(String name) {
        String text = optionalResource(name);
        if (text == null) throw new IllegalStateException(name + " missing from the jar");
        return text;
    }

    private static String optionalResource(String name) {
        try (InputStream in = KernelHeaders.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
