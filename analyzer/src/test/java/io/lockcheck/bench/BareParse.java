package io.lockcheck.bench;

import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.gnu.c.GCCLanguage;
import org.eclipse.cdt.core.index.IIndexFileLocation;
import org.eclipse.cdt.core.model.ILanguage;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;
import org.eclipse.cdt.core.parser.FileContent;
import org.eclipse.cdt.core.parser.NullLogService;
import org.eclipse.cdt.internal.core.parser.IMacroDictionary;
import org.eclipse.cdt.internal.core.parser.scanner.CharArray;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContent;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContentProvider;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The yardstick of bench/: a bare CDT parse of the files lockcheck would analyse, with the
 * same parser options and every #include skipped, but only a 12-macro prelude and no lowering,
 * flow or rules. Usage: {@code BareParse [-j N] PATH...}; prints files, declarations and seconds.
 * Not part of the product (test scope); bench/ runs it beside {@code lockcheck check}.
 */
public final class BareParse {
    private static final String PRELUDE_PATH = "/bench/bare-prelude.h";
    /** The annotations and helpers without which most kernel functions do not parse at all. */
    private static final char[] PRELUDE = String.join("\n",
            "#define __init", "#define __exit", "#define __user", "#define __iomem", "#define __rcu",
            "#define __force", "#define __must_check", "#define __always_inline inline", "#define __maybe_unused",
            "#define likely(x) (x)", "#define unlikely(x) (x)", "#define EXPORT_SYMBOL(x)", "").toCharArray();

    private BareParse() {
    }

    public static void main(String[] args) throws Exception {
        int jobs = Runtime.getRuntime().availableProcessors();
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-j")) jobs = Integer.parseInt(args[++i]);
            else roots.add(Path.of(args[i]));
        }
        List<Path> files = files(roots);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> new Thread(null, r, "parse", 512L << 20));
        List<Future<Integer>> results = new ArrayList<>();
        for (Path f : files) results.add(pool.submit(() -> parse(f)));
        long declarations = 0;
        for (Future<Integer> r : results) declarations += r.get();
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("bare parse: %d files, %d declarations, %.2f s%n", files.size(), declarations, seconds);
    }

    private static List<Path> files(List<Path> roots) throws Exception {
        TreeSet<Path> out = new TreeSet<>();
        for (Path r : roots) {
            if (!Files.isDirectory(r)) {
                out.add(r);
                continue;
            }
            try (Stream<Path> s = Files.walk(r)) {
                s.filter(p -> p.toString().endsWith(".c") && Files.isRegularFile(p)).forEach(out::add);
            }
        }
        return new ArrayList<>(out);
    }

    private static int parse(Path file) {
        try {
            char[] text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).toCharArray();
            var info = new ExtendedScannerInfo(java.util.Map.of("__KERNEL__", "1", "__GNUC__", "12", "__STDC__", "1"),
                    new String[0], new String[] {PRELUDE_PATH}, new String[0]);
            int options = ILanguage.OPTION_NO_IMAGE_LOCATIONS
                    | ILanguage.OPTION_SKIP_TRIVIAL_EXPRESSIONS_IN_AGGREGATE_INITIALIZERS;
            IASTTranslationUnit tu = GCCLanguage.getDefault().getASTTranslationUnit(
                    FileContent.create(file.toString(), text), info, new Headers(), null, options, new NullLogService());
            return tu.getDeclarations().length;
        } catch (Exception | StackOverflowError e) {
            return 0;
        }
    }

    /** Serves the prelude and skips every other header, as lockcheck's fast mode does. */
    private static final class Headers extends InternalFileContentProvider {
        @Override
        public boolean getInclusionExists(String path) {
            return PRELUDE_PATH.equals(path);
        }

        @Override
        public InternalFileContent getContentForInclusion(String path, IMacroDictionary macros) {
            return PRELUDE_PATH.equals(path) ? new InternalFileContent(path, new CharArray(PRELUDE))
                    : new InternalFileContent(path, InternalFileContent.InclusionKind.SKIP_FILE);
        }

        @Override
        public InternalFileContent getContentForInclusion(IIndexFileLocation loc, String astPath) {
            return null;
        }
    }
}
