package io.lockcheck.rules;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every sample is real C: each {@code samples/**}{@code /*.c} must pass {@code gcc -fsyntax-only}
 * with warnings as errors against {@code samples/include/kernel-stubs.h}, and its {@code bad_*} /
 * {@code good_*} function names must agree with its markers (DESIGN §7). The analyzer never reads
 * the stub header; this test is what keeps the samples honest C that a kernel developer would
 * recognise.
 *
 * <p>Without gcc on PATH the compile checks are skipped, except under CI ({@code CI=true}), where a
 * missing gcc is a failure. The naming checks always run.
 */
class SamplesCompileTest {
    /**
     * gcc flags. Only the two {@code -Wno} exist to keep samples short; everything else in
     * {@code -Wall} stays an error.
     */
    private static final List<String> GCC_FLAGS = List.of(
            "-std=gnu11", // the kernel's dialect: statement expressions, typeof, __attribute__
            "-fsyntax-only", // samples are checked, never built or linked
            "-fdiagnostics-color=never",
            "-Wall",
            "-Werror",
            // good_/bad_ functions are static test cases that nothing calls
            "-Wno-unused-function",
            // a sample may declare a local only to show a shape (flags of an irqsave, a cursor)
            "-Wno-unused-variable");

    private static final long TIMEOUT_SECONDS = 60;

    /** A top-level definition or prototype: column 0, a type, then {@code name(}. */
    private static final Pattern TOP_LEVEL_FUNCTION = Pattern.compile(
            "^(?!(?:typedef|struct|union|enum|return|if|for|while|switch|do|else|goto)\\b)"
                    + "[A-Za-z_][\\w \\t*]*?\\b([A-Za-z_]\\w*)\\s*\\(");
    /**
     * A comment that starts like a marker ({@code expect}, {@code missing} or {@code spurious}
     * followed by {@code :}, {@code @} or a rule id), checked strictly so that a typo such as
     * {@code /* expect LC008 *}{@code /} fails instead of being read as prose.
     */
    private static final Pattern MARKER_LIKE =
            Pattern.compile("/\\*\\s*(expect|missing|spurious)\\s*[:@L]([^*]|\\*(?!/))*\\*/");
    private static final Pattern MARKER = Pattern.compile(
            "/\\*\\s*(expect|missing|spurious)(@\\+\\d+)?\\s*:\\s*LC\\d{3}(\\s*,\\s*LC\\d{3})*\\s*\\*/");

    /** One function definition: its name and its lines, 1-based, inclusive. */
    record FunctionSpan(String name, int first, int last) {
    }

    static Path samplesDir() {
        String p = System.getProperty("lockcheck.samples");
        return Path.of(p != null ? p : "../samples").toAbsolutePath().normalize();
    }

    @TestFactory
    List<DynamicNode> samplesAreRealC() throws IOException {
        Path root = samplesDir();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".c")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no samples under " + root);
        Path include = root.resolve("include");
        List<DynamicNode> out = new ArrayList<>();
        for (Path f : files) {
            out.add(DynamicContainer.dynamicContainer(root.relativize(f).toString(), f.toUri(), Stream.of(
                    DynamicTest.dynamicTest("gcc -fsyntax-only", f.toUri(), () -> compiles(f, include)),
                    DynamicTest.dynamicTest("bad_/good_ names match markers", f.toUri(), () -> namesMatchMarkers(f)))));
        }
        return out;
    }

    private static void compiles(Path file, Path include) throws IOException, InterruptedException {
        Optional<Path> gcc = findGcc();
        if (gcc.isEmpty()) {
            String why = "gcc not found on PATH: the samples were not compiled";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + " (CI=true requires it)");
            }
            Assumptions.abort(why);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(gcc.get().toString());
        cmd.addAll(GCC_FLAGS);
        cmd.add("-I");
        cmd.add(include.toString());
        cmd.add(file.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C"); // plain ASCII quotes in diagnostics
        Process p = pb.start();
        p.getOutputStream().close();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("gcc timed out on " + file);
        }
        assertEquals(0, p.exitValue(),
                () -> "gcc rejects " + file.getFileName() + ":\n$ " + String.join(" ", cmd) + "\n" + output);
    }

    private static Optional<Path> findGcc() {
        String override = System.getProperty("lockcheck.gcc");
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "gcc");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void namesMatchMarkers(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();

        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER_LIKE.matcher(lines.get(i));
            while (m.find()) {
                if (!MARKER.matcher(m.group()).matches()) {
                    problems.add("line " + (i + 1) + ": malformed marker " + m.group()
                            + " (want /* expect: LC008 */, /* expect@+1: LC008 */, /* missing: ... */ or /* spurious: ... */)");
                }
            }
        }

        List<FunctionSpan> functions = functions(lines);
        if (functions.isEmpty()) {
            problems.add("no function definitions found");
        }
        for (FunctionSpan fn : functions) {
            int expects = 0;
            for (int i = fn.first(); i <= fn.last(); i++) {
                Matcher m = MARKER.matcher(lines.get(i - 1));
                while (m.find()) {
                    if (m.group(1).equals("expect")) {
                        expects++;
                    }
                }
            }
            if (fn.name().startsWith("bad_") && expects == 0) {
                problems.add("line " + fn.first() + ": " + fn.name() + " is bad_ but has no expect marker");
            }
            if (fn.name().startsWith("good_") && expects > 0) {
                problems.add("line " + fn.first() + ": " + fn.name() + " is good_ but has " + expects + " expect marker(s)");
            }
        }
        if (!problems.isEmpty()) {
            fail(file.getFileName() + ":\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * Top-level function definitions by line scanning (kernel style): a line at column 0 that
     * names a function, whose declarator ends in <code>{</code> rather than <code>;</code>. A
     * definition runs to the next line that starts with <code>}</code>, or else to the line
     * before the next definition.
     */
    static List<FunctionSpan> functions(List<String> lines) {
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int depth = 0; // brace depth at the start of each line, comments and strings ignored
        boolean inComment = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (depth == 0 && !inComment) {
                Matcher m = TOP_LEVEL_FUNCTION.matcher(line);
                if (m.find() && !line.startsWith("#") && isDefinition(lines, i)) {
                    starts.add(i + 1);
                    names.add(m.group(1));
                }
            }
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (inComment) {
                    if (ch == '*' && c + 1 < line.length() && line.charAt(c + 1) == '/') {
                        inComment = false;
                        c++;
                    }
                } else if (ch == '/' && c + 1 < line.length() && line.charAt(c + 1) == '*') {
                    inComment = true;
                    c++;
                } else if (ch == '/' && c + 1 < line.length() && line.charAt(c + 1) == '/') {
                    break;
                } else if (ch == '"' || ch == '\'') {
                    c = skipLiteral(line, c);
                } else if (ch == '{') {
                    depth++;
                } else if (ch == '}') {
                    depth = Math.max(0, depth - 1);
                }
            }
        }
        List<FunctionSpan> out = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int first = starts.get(k);
            int limit = k + 1 < starts.size() ? starts.get(k + 1) - 1 : lines.size();
            int last = limit;
            for (int i = first; i <= limit; i++) {
                if (lines.get(i - 1).startsWith("}")) {
                    last = i;
                    break;
                }
            }
            out.add(new FunctionSpan(names.get(k), first, last));
        }
        return out;
    }

    /** From a candidate line, whether the declarator is followed by a body rather than a ';'. */
    private static boolean isDefinition(List<String> lines, int from) {
        int parens = 0;
        boolean seenParen = false;
        for (int i = from; i < lines.size() && i < from + 20; i++) {
            String line = lines.get(i);
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (ch == '(') {
                    parens++;
                    seenParen = true;
                } else if (ch == ')') {
                    parens--;
                } else if (parens == 0 && seenParen && (ch == ';' || ch == '=' || ch == ',')) {
                    return false;
                } else if (parens == 0 && ch == '{') {
                    return seenParen;
                }
            }
        }
        return false;
    }

    private static int skipLiteral(String line, int start) {
        char quote = line.charAt(start);
        for (int c = start + 1; c < line.length(); c++) {
            char ch = line.charAt(c);
            if (ch == '\\') {
                c++;
            } else if (ch == quote) {
                return c;
            }
        }
        return line.length();
    }
}
