package io.lockcheck.report;

import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Location;
import io.lockcheck.rule.Stats;
import io.lockcheck.rule.Step;
import io.lockcheck.rule.ThreadTrace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --column-unit display}: the columns gcc prints with {@code -fdiagnostics-column-unit=display}
 * (its default), and the ones Vim's {@code %v} jumps to.
 */
class ColumnUnitTest {
    /** Lines whose last identifier gcc is asked about: tabs, a wide character, a combining mark. */
    private static final List<String> LINES = List.of(
            "\treturn undeclared_a;",
            "\t\tx = 1; y =\tundeclared_b;",
            "  \t  return undeclared_c;",
            "\treturn \"ü\" + undeclared_d;",
            "\treturn \"漢字\" + undeclared_e;",
            "\treturn \"e\u0301\" + undeclared_f;",
            "\treturn \"\uD83D\uDE00\" + undeclared_g;");

    @TempDir
    Path dir;

    @Test
    void displayColumns() {
        assertEquals(9, ColumnUnit.display("\treturn x;", 2));
        assertEquals(17, ColumnUnit.display("\t\tx;", 3));
        assertEquals(9, ColumnUnit.display("   \tx;", 5), "a tab after three spaces still ends at column 8");
        assertEquals(3, ColumnUnit.display("漢x", 2));
        assertEquals(2, ColumnUnit.display("e\u0301x", 3));
        assertEquals(3, ColumnUnit.display("\uD83D\uDE00x", 3), "an emoji is one code point, two columns");
        assertEquals(0, ColumnUnit.display("\tx", 0), "an unknown column stays unknown");
        assertEquals(11, ColumnUnit.display("\tx", 4), "past the end of the line: one column per unit");
    }

    /** gcc itself is the reference: it reports each undeclared identifier at its display column. */
    @Test
    void sameColumnsAsGcc() throws Exception {
        Assumptions.assumeTrue(onPath("gcc"), "gcc not installed");
        Path c = source();
        Process p = new ProcessBuilder("gcc", "-fsyntax-only", "-fdiagnostics-column-unit=display", "-ftabstop=8",
                "-fno-diagnostics-show-caret", c.toString())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        Matcher m = Pattern.compile(":(\\d+):(\\d+): error: .(undeclared_\\w)").matcher(out);
        int checked = 0;
        while (m.find()) {
            String line = LINES.get(Integer.parseInt(m.group(1)) - 2);
            int utf16 = line.indexOf(m.group(3)) + 1;
            assertEquals(Integer.parseInt(m.group(2)), ColumnUnit.display(line, utf16), line);
            checked++;
        }
        assertEquals(LINES.size(), checked, out);
    }

    /**
     * The gcc report in display columns puts Vim's cursor on the finding with
     * {@code errorformat=%f:%l:%v:%m}; in the default char unit, with Vim's default errorformat
     * ({@code %c}, a byte column), on every ASCII line.
     */
    @Test
    void vimJumpsToTheFinding() throws Exception {
        Assumptions.assumeTrue(onPath("vim"), "vim not installed");
        Path c = source();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < LINES.size(); i++) {
            String line = LINES.get(i);
            int col = line.indexOf("undeclared_") + 1;
            findings.add(new Finding("LC001", Level.WARNING, new Location(c, i + 2, col, i + 2, col + 12),
                    "'p->x' is read without 'p->lock' held", "f", List.of(), List.of(), Map.of(), null, null));
        }
        AnalysisResult result = new AnalysisResult(List.of(), findings, List.of(), new Stats(1, 0, 1, 0, 9));
        ReportOptions opts = new ReportOptions(null, "0.1.0", false);

        Path display = Files.writeString(dir.resolve("display.txt"),
                ReportText.render(new GccReport(), ColumnUnit.DISPLAY.apply(result), opts));
        assertEquals(expectedWords(), vimWords(c, display, "%f:%l:%v:%m"));

        Path chars = Files.writeString(dir.resolve("char.txt"), ReportText.render(new GccReport(), ColumnUnit.CHAR.apply(result), opts));
        List<String> byDefault = vimWords(c, chars, null);
        for (int i = 0; i < LINES.size(); i++) {
            if (LINES.get(i).chars().allMatch(ch -> ch < 128)) {
                assertEquals(expectedWords().get(i), byDefault.get(i), LINES.get(i));
            }
        }
    }

    @Test
    void relatedLocationsAndStepsAreConvertedToo() throws IOException {
        Path c = source();
        Location at = new Location(c, 2, 9, 2, 21);
        Finding f = new Finding("LC001", Level.WARNING, at, "m", "f", List.of(new Step(at, "r")),
                List.of(new ThreadTrace("t", List.of(new Step(at, "s")))), Map.of(), null, "fp");
        Finding out = ColumnUnit.DISPLAY.apply(new AnalysisResult(List.of(), List.of(f), List.of(), null)).findings().get(0);
        Location expected = new Location(c, 2, 16, 2, 28);
        assertEquals(expected, out.location());
        assertEquals(expected, out.related().get(0).location());
        assertEquals(expected, out.flow().get(0).steps().get(0).location());
        assertEquals("fp", out.fingerprint());
    }

    private Path source() throws IOException {
        StringBuilder b = new StringBuilder("int f(void) {\n");
        LINES.forEach(l -> b.append(l).append('\n'));
        return Files.writeString(dir.resolve("cols.c"), b.append("}\n").toString(), StandardCharsets.UTF_8);
    }

    private static List<String> expectedWords() {
        return LINES.stream().map(l -> l.substring(l.indexOf("undeclared_"), l.indexOf(';', l.indexOf("undeclared_")))).toList();
    }

    /** For each quickfix entry, the 12 characters from Vim's cursor on, after it jumps there. */
    private List<String> vimWords(Path c, Path errors, String errorformat) throws Exception {
        Path out = dir.resolve("vim-" + System.nanoTime() + ".out");
        List<String> cmd = new ArrayList<>(List.of("vim", "-N", "-u", "NONE", "-i", "NONE", "-n", "-es",
                "-c", "set encoding=utf-8"));
        if (errorformat != null) cmd.addAll(List.of("-c", "set errorformat=" + errorformat));
        cmd.addAll(List.of("-c", "edit ++enc=utf-8 " + c, "-c", "cfile " + errors, "-c", "let g:w = []",
                "-c", "for i in range(1, len(getqflist())) | execute 'cc ' . i | call add(g:w, strpart(getline('.'), col('.') - 1, 12)) | endfor",
                "-c", "call writefile(g:w, '" + out + "')", "-c", "qall!"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("vim.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "vim did not finish");
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }
}
