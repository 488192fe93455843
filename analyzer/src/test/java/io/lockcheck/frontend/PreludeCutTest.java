package io.lockcheck.frontend;

import io.lockcheck.cfg.CfgDump;
import io.lockcheck.cfg.FunctionUnit;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which prelude definitions a file gets in fast mode, and that they parse it as the whole prelude does. */
class PreludeCutTest {
    private static final String PRELUDE = """
            /* a comment line */
            #define lk_take(l)      lk_raw_take(l)
            #define lk_raw_take(l)  __lk_acquire(l)
            #define __lk_acquire(l) ((void)(l))
            #define lk_unused(x)    (x)
            #define guard(_name)    __lk_guard_##_name
            #define __lk_guard_mutex struct lk_guard_mutex
            #define __lk_guard_spin  struct lk_guard_spin
            #define lk_named(a, b)  a##b
            #define lk_multi(a) \\
                    lk_take(a); \\
                    lk_done(a)
            #define lk_done(a)      ((void)(a))
            #define lk_args(f, ...) f(0, ##__VA_ARGS__)
            """;

    /** How many definitions PRELUDE has. */
    private static final int ALL = PRELUDE.split("#define").length - 1;

    private static List<String> cut(String source, String... alwaysNamed) {
        char[] text = new PreludeCut(PRELUDE.toCharArray(), List.of(alwaysNamed)).forFile(source.toCharArray(), new char[0]);
        List<String> names = new ArrayList<>();
        for (String line : new String(text).split("\n")) {
            if (line.startsWith("#define")) names.add(line.split("[\\s(]+")[1]);
        }
        return names;
    }

    @Test
    void aFileGetsTheMacrosItNamesAndWhatTheirExpansionsName() {
        assertEquals(List.of("lk_take", "lk_raw_take", "__lk_acquire"), cut("void f(void) { lk_take(&l); }"));
        assertEquals(List.of(), cut("void f(void) { other(&l); }"));
    }

    @Test
    void continuationLinesStayWithTheirDefinition() {
        char[] text = new PreludeCut(PRELUDE.toCharArray(), List.of()).forFile("lk_multi(x);".toCharArray(), new char[0]);
        assertTrue(new String(text).contains("lk_take(a); \\\n        lk_done(a)"), new String(text));
        assertEquals(List.of("lk_take", "lk_raw_take", "__lk_acquire", "lk_multi", "lk_done"), cut("lk_multi(x);"));
    }

    @Test
    void aFixedPrefixPastedOntoAnArgumentReachesEveryNameWithThatPrefix() {
        assertEquals(List.of("guard", "__lk_guard_mutex", "__lk_guard_spin"), cut("guard(mutex)(&m);"));
    }

    @Test
    void twoParametersPastedTogetherCanFormAnyName() {
        assertEquals(ALL, cut("lk_named(lk_, take)(x);").size());
    }

    @Test
    void gnuCommaPasteFormsNoName() {
        assertEquals(List.of("lk_args"), cut("lk_args(g, 1);"));
    }

    @Test
    void namesFromCdtMacrosAndDefinesAreAlwaysKept() {
        assertEquals(List.of("lk_done"), cut("int x;", "lk_done(1)"));
        assertTrue(PreludeCut.gnuExpansions().stream().anyMatch(e -> e.contains("typeof")));
    }

    @Test
    void pastingOrSplitNamesInTheFileGetTheWholePrelude() {
        assertEquals(ALL, cut("#define CAT(a, b) a ## b\nCAT(lk_, take)(x);").size());
        assertEquals(ALL, cut("void f(void) { lk_\\\ntake(&l); }").size());
    }

    /** Every sample parses to the same CFGs with the cut prelude as with the whole one. */
    @Test
    void samplesLowerAlikeWithTheCutAndTheWholePrelude() throws Exception {
        CParser parser = new CParser(List.of(), Map.of());
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("../samples"))) {
            files = s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
        assertTrue(files.size() > 20, "samples found: " + files.size());
        for (Path f : files) {
            SourceText src = SourceText.read(f);
            assertEquals(dump(src, parser, false), dump(src, parser, true), f.toString());
        }
    }

    /** The cut splits the prelude by lines: it must find the definitions CDT finds, in the same order. */
    @Test
    void theRealPreludeSplitsIntoTheDefinitionsCdtSees() throws Exception {
        var tu = org.eclipse.cdt.core.dom.ast.gnu.c.GCCLanguage.getDefault().getASTTranslationUnit(
                org.eclipse.cdt.core.parser.FileContent.create("/prelude.h", Prelude.text()),
                new org.eclipse.cdt.core.parser.ScannerInfo(),
                org.eclipse.cdt.core.parser.IncludeFileContentProvider.getEmptyFilesProvider(), null, 0,
                new org.eclipse.cdt.core.parser.NullLogService());
        List<String> cdt = new ArrayList<>();
        for (var d : tu.getMacroDefinitions()) cdt.add(d.getName().toString());
        assertEquals(cdt, new PreludeCut(Prelude.text(), List.of()).names());
    }

    @Test
    void theRealPreludeIsCutForAPlainFile() {
        PreludeCut cut = new PreludeCut(Prelude.text(), PreludeCut.gnuExpansions());
        char[] some = cut.forFile("static void f(struct m *m) { mutex_lock(&m->lock); }".toCharArray(), new char[0]);
        assertTrue(some.length < cut.whole().length / 4, some.length + " of " + cut.whole().length);
        assertArrayEquals(cut.whole(), cut.forFile("#define X(a) a##_t".toCharArray(), new char[0]));
    }

    private static String dump(SourceText src, CParser parser, boolean cut) throws Exception {
        StringBuilder b = new StringBuilder();
        for (FunctionUnit f : new Lowering(src).functions(parser.parse(src, cut))) b.append(CfgDump.render(f));
        return b.toString();
    }
}
