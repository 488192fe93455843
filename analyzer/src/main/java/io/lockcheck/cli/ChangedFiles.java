package io.lockcheck.cli;

import io.lockcheck.cli.Git.GitError;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The C files ({@code *.c}) a change touches, as git sees it against a revision, and the lines of
 * each that the change added or modified. Paths are absolute, under the work tree's top.
 *
 * <p>Against the working tree (the default) a change is everything a developer has not committed:
 * staged and unstaged edits, and untracked files that are not ignored (a new file is a change
 * before it is added). {@code staged} is what a commit would contain: the index against the
 * revision, without untracked files; the files are still read from the working tree, so
 * {@link #alsoUnstaged} names those whose working copy differs from what is staged.
 *
 * @param files        changed C files, sorted; deleted files are not included
 * @param lines        per file, the 1-based line numbers the change added or modified (new side);
 *                     empty when lines were not asked for
 * @param alsoUnstaged with {@code staged}: staged files that also have unstaged edits
 */
record ChangedFiles(List<Path> files, Map<Path, BitSet> lines, List<Path> alsoUnstaged) {
    /** git pathspec: C files in every directory (a pathspec {@code *} also matches {@code /}). */
    private static final String C_FILES = "*.c";
    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

    /**
     * The change against {@code rev} ({@code HEAD} in a repository without commits yet means the
     * empty tree: everything is new). {@code withLines} also runs {@code git diff -U0}.
     */
    static ChangedFiles against(Git git, String rev, boolean staged, boolean withLines) throws GitError {
        if (rev.startsWith("-")) {
            throw new GitError("bad revision '" + rev + "'"); // would be read as a git option
        }
        String base = rev;
        if (rev.equals("HEAD") && !git.succeeds("rev-parse", "--verify", "--quiet", "HEAD^{commit}")) {
            base = git.text("hash-object", "-t", "tree", "--stdin").strip(); // no commit yet: the empty tree
        }
        List<String> diff = new ArrayList<>(List.of("diff", "--no-ext-diff", "--no-textconv", "--find-renames", "--diff-filter=d"));
        if (staged) {
            diff.add("--cached");
        }
        TreeSet<Path> files = new TreeSet<>(names(git, join(diff, "--name-only", "-z", base, "--", C_FILES)));
        List<Path> untracked = staged ? List.of()
                : names(git, List.of("ls-files", "--others", "--exclude-standard", "-z", "--", C_FILES));
        files.addAll(untracked);

        Map<Path, BitSet> lines = new LinkedHashMap<>();
        if (withLines) {
            String patch = new String(git.run(join(diff, "-U0", "--no-color", "--src-prefix=a/", "--dst-prefix=b/",
                    base, "--", C_FILES).toArray(String[]::new)), StandardCharsets.UTF_8);
            lines.putAll(addedLines(patch, git.top()));
            for (Path f : untracked) {
                lines.put(f, allLines(f));
            }
        }
        List<Path> alsoUnstaged = new ArrayList<>();
        if (staged) {
            for (Path f : names(git, List.of("diff", "--no-ext-diff", "--name-only", "-z", "--", C_FILES))) {
                if (files.contains(f)) alsoUnstaged.add(f);
            }
        }
        return new ChangedFiles(List.copyOf(files), lines, alsoUnstaged);
    }

    private static List<String> join(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static List<Path> names(Git git, List<String> args) throws GitError {
        List<Path> out = new ArrayList<>();
        for (String name : git.text(args.toArray(String[]::new)).split("\0")) {
            if (!name.isEmpty() && name.endsWith(".c")) out.add(git.top().resolve(name));
        }
        return out;
    }

    /**
     * The new-side lines of each file in a {@code git diff -U0} patch. Hunk bodies are skipped
     * by their counts, so an added line that starts with "++ " is not taken for a file header.
     */
    static Map<Path, BitSet> addedLines(String patch, Path top) {
        Map<Path, BitSet> out = new LinkedHashMap<>();
        BitSet current = null;
        int oldLeft = 0, newLeft = 0;
        for (String line : patch.split("\n", -1)) {
            if (oldLeft > 0 || newLeft > 0) {
                if (line.startsWith("-")) oldLeft--;
                else if (line.startsWith("+")) newLeft--;
                // "\ No newline at end of file" belongs to the line before it
                continue;
            }
            if (line.startsWith("+++ ")) {
                String name = headerName(line.substring(4));
                current = name == null ? null : out.computeIfAbsent(top.resolve(name), k -> new BitSet());
            } else if (line.startsWith("@@ ")) {
                Matcher m = HUNK.matcher(line);
                if (!m.find()) continue;
                oldLeft = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
                int start = Integer.parseInt(m.group(2));
                newLeft = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
                if (current != null && newLeft > 0) current.set(start, start + newLeft);
            }
        }
        return out;
    }

    /**
     * The path in a {@code +++ b/path} header, or null for {@code /dev/null}. git appends a tab to
     * names with spaces and C-quotes names with control characters or quotes.
     */
    static String headerName(String field) {
        String f = field.endsWith("\t") ? field.substring(0, field.length() - 1) : field;
        if (f.startsWith("\"") && f.endsWith("\"") && f.length() >= 2) {
            f = unquote(f.substring(1, f.length() - 1));
        }
        if (f.equals("/dev/null")) return null;
        return f.startsWith("b/") ? f.substring(2) : f;
    }

    /** Undoes git's C-style quoting: backslash escapes and octal bytes (UTF-8). */
    private static String unquote(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            int c = s.codePointAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c) - 1;
                continue;
            }
            char e = s.charAt(++i);
            if (e >= '0' && e <= '7' && i + 2 < s.length()) {
                bytes.write(Integer.parseInt(s.substring(i, i + 3), 8));
                i += 2;
                continue;
            }
            bytes.write(switch (e) {
                case 'a' -> 7;
                case 'b' -> '\b';
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'v' -> 11;
                case 'f' -> '\f';
                case 'r' -> '\r';
                default -> e; // \" and \\
            });
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Every line of a new, untracked file. */
    private static BitSet allLines(Path file) {
        BitSet all = new BitSet();
        try (var lines = Files.lines(file, StandardCharsets.ISO_8859_1)) { // any bytes: only lines are counted
            all.set(1, (int) lines.count() + 1);
        } catch (IOException | java.io.UncheckedIOException e) {
            // unreadable: the analysis reports the file itself
        }
        return all;
    }
}
