package io.lockcheck.frontend;

import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.index.IIndexFileLocation;
import org.eclipse.cdt.core.model.ILanguage;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;
import org.eclipse.cdt.core.parser.FileContent;
import org.eclipse.cdt.core.parser.NullLogService;
import org.eclipse.cdt.internal.core.parser.IMacroDictionary;
import org.eclipse.cdt.internal.core.parser.scanner.CharArray;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContent;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContentProvider;
import io.lockcheck.frontend.precise.CompileCommands;
import io.lockcheck.frontend.precise.PreciseSetup;
import org.eclipse.core.runtime.CoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The only entry point into CDT's parser. Fast mode (no include dirs): every #include is
 * skipped and the kernel prelude and the file's own {@link FileShapes} are served as macro
 * files. With include dirs, headers are read from those directories (the prelude still comes
 * first, real headers override it). Precise mode ({@link PreciseSetup}): the kernel's headers
 * and compile flags, with lock shapes that the headers cannot override.
 */
public final class CParser {
    private final List<Path> includeDirs;
    private final Map<String, String> defines;
    /** Precise mode (real kernel headers), or null. */
    private final PreciseSetup precise;
    /** Fast mode's prelude, cut to what each file can reach; null in the other modes. */
    private final PreludeCut preludeCut;

    public CParser(List<Path> includeDirs, Map<String, String> defines) {
        this(includeDirs, defines, null);
    }

    private CParser(List<Path> includeDirs, Map<String, String> defines, PreciseSetup precise) {
        this.includeDirs = List.copyOf(includeDirs);
        this.defines = Map.copyOf(defines);
        this.precise = precise;
        List<String> alwaysNamed = new java.util.ArrayList<>(PreludeCut.gnuExpansions());
        alwaysNamed.addAll(symbols().values());
        // only fast mode reads no header, so only there are all the names a parse meets in the file
        this.preludeCut = precise == null && includeDirs.isEmpty() ? new PreludeCut(Prelude.text(), alwaysNamed) : null;
    }

    /** The macros defined before the prelude: the -D options and what a kernel compiler defines. */
    private Map<String, String> symbols() {
        Map<String, String> symbols = new HashMap<>(defines);
        symbols.putIfAbsent("__KERNEL__", "1");
        symbols.putIfAbsent("__GNUC__", "12");
        symbols.putIfAbsent("__STDC__", "1");
        return symbols;
    }

    /**
     * The parser a run's options ask for. A malformed or unreadable compilation database is an
     * IllegalArgumentException with a one-line message (the CLI checks it before the run).
     */
    public static CParser of(io.lockcheck.AnalyzerOptions options) {
        if (options.kernelTree() == null && options.compileCommands() == null) {
            return new CParser(options.includeDirs(), options.defines());
        }
        try {
            return new CParser(options.includeDirs(), options.defines(), PreciseSetup.of(options.kernelTree(),
                    options.compileCommands(), options.includeDirs(), options.defines()));
        } catch (CompileCommands.Malformed e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + options.compileCommands() + ": " + e.getMessage(), e);
        }
    }

    public IASTTranslationUnit parse(SourceText source) throws CoreException {
        return parse(source, true);
    }

    /** {@code cut} false: fast mode with the whole prelude (tests compare the two). */
    IASTTranslationUnit parse(SourceText source, boolean cut) throws CoreException {
        FileContent content = FileContent.create(source.path().toString(), source.chars());
        int parseOptions = ILanguage.OPTION_NO_IMAGE_LOCATIONS
                | ILanguage.OPTION_SKIP_TRIVIAL_EXPRESSIONS_IN_AGGREGATE_INITIALIZERS;
        if (precise != null) {
            return ParseLimit.language().getASTTranslationUnit(content, precise.scannerInfo(source.path()),
                    precise.headers(), null, parseOptions, new NullLogService());
        }
        Map<String, String> symbols = symbols();
        String[] paths = includeDirs.stream().map(Path::toString).toArray(String[]::new);
        boolean fast = includeDirs.isEmpty();
        String[] macroFiles = fast ? new String[] {Prelude.PATH, FileShapes.PATH} : new String[] {Prelude.PATH};
        var info = new ExtendedScannerInfo(symbols, paths, macroFiles, new String[0]);
        int options = ILanguage.OPTION_NO_IMAGE_LOCATIONS | ILanguage.OPTION_SKIP_TRIVIAL_EXPRESSIONS_IN_AGGREGATE_INITIALIZERS;
        char[] shapes = fast ? FileShapes.of(source.chars()).toCharArray() : new char[0];
        Headers headers = new Headers(fast, shapes,
                fast && cut ? preludeCut.forFile(source.chars(), shapes) : Prelude.text());
        return ParseLimit.language().getASTTranslationUnit(content, info, headers, null, options, new NullLogService());
    }

    /** Serves the prelude; in fast mode skips every other header, else reads it from disk. */
    private static final class Headers extends InternalFileContentProvider {
        private final boolean fast;
        private final char[] shapes;
        private final char[] prelude;

        Headers(boolean fast, char[] shapes, char[] prelude) {
            this.fast = fast;
            this.shapes = shapes;
            this.prelude = prelude;
        }

        @Override
        public boolean getInclusionExists(String path) {
            if (Prelude.PATH.equals(path) || FileShapes.PATH.equals(path)) {
                return true;
            }
            return !fast && Files.isRegularFile(Path.of(path));
        }

        @Override
        public InternalFileContent getContentForInclusion(String path, IMacroDictionary macros) {
            if (Prelude.PATH.equals(path)) {
                return new InternalFileContent(path, new CharArray(prelude));
            }
            if (FileShapes.PATH.equals(path)) {
                return new InternalFileContent(path, new CharArray(shapes));
            }
            if (fast) {
                return new InternalFileContent(path, InternalFileContent.InclusionKind.SKIP_FILE);
            }
            try {
                return new InternalFileContent(path, new CharArray(SourceText.read(Path.of(path)).chars()));
            } catch (IOException e) {
                return new InternalFileContent(path, InternalFileContent.InclusionKind.SKIP_FILE);
            }
        }

        @Override
        public InternalFileContent getContentForInclusion(IIndexFileLocation loc, String astPath) {
            return null;
        }
    }
}
