package io.lockcheck.cli;

import io.lockcheck.cli.Git.GitError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which C files and lines git says a change touches. */
class ChangedFilesTest {
    @TempDir
    Path dir;

    private static final String TEN_LINES = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";

    private static BitSet lines(int... numbers) {
        BitSet b = new BitSet();
        for (int n : numbers) b.set(n);
        return b;
    }

    @Test
    void hunksGiveTheNewSideLinesOfEachFile() {
        String patch = """
                diff --git a/gem.c b/gem.c
                index 1111111..2222222 100644
                --- a/gem.c
                +++ b/gem.c
                @@ -3 +3,2 @@ static int f(void)
                -	old();
                +	new();
                +++ counts as content, not as a header
                @@ -10,2 +11,0 @@
                -	gone();
                -	gone();
                @@ -20 +19 @@
                -x
                +y
                \\ No newline at end of file
                diff --git a/dir with space/a.c b/dir with space/a.c
                --- a/dir with space/a.c\t
                +++ b/dir with space/a.c\t
                @@ -0,0 +1 @@
                +int a;
                diff --git "a/t\\tq.c" "b/t\\tq.c"
                --- "a/t\\tq.c"
                +++ "b/t\\tq.c"
                @@ -1 +1 @@
                -int q;
                +long q;
                diff --git a/gone.c b/gone.c
                --- a/gone.c
                +++ /dev/null
                @@ -1 +0,0 @@
                -int g;
                """;
        Map<Path, BitSet> got = ChangedFiles.addedLines(patch, Path.of("/src"));
        assertEquals(Map.of(Path.of("/src/gem.c"), lines(3, 4, 19), Path.of("/src/dir with space/a.c"), lines(1),
                Path.of("/src/t\tq.c"), lines(1)), got);
    }

    @Test
    void headerNamesAreUnquoted() {
        assertEquals("drm/gem.c", ChangedFiles.headerName("b/drm/gem.c"));
        assertEquals("a \"b\"\\c.c", ChangedFiles.headerName("\"b/a \\\"b\\\"\\\\c.c\""));
        assertEquals("é.c", ChangedFiles.headerName("\"b/\\303\\251.c\""));
        assertEquals(null, ChangedFiles.headerName("/dev/null"));
    }

    @Test
    void workingTreeChangeIsTrackedEditsPlusUntrackedCFiles() throws Exception {
        TempGitRepo repo = TempGitRepo.init(dir);
        repo.write("drm/edited.c", TEN_LINES);
        repo.write("drm/staged.c", TEN_LINES);
        repo.write("drm/same.c", TEN_LINES);
        repo.write("drm/deleted.c", TEN_LINES);
        repo.write("drm/gem.h", TEN_LINES);
        repo.write(".gitignore", "*.mod.c\n");
        repo.commitAll("base");
        repo.write("drm/edited.c", TEN_LINES.replace("4\n", "four\n"));
        repo.write("drm/staged.c", TEN_LINES + "11\n");
        repo.git("add", "drm/staged.c");
        repo.git("rm", "-q", "drm/deleted.c");
        repo.write("drm/gem.h", TEN_LINES.replace("1\n", "one\n"));
        repo.write("drm/new.c", "int a;\nint b;\n");
        repo.write("drm/gem.mod.c", "int generated;\n");

        Git git = Git.of(dir);
        ChangedFiles change = ChangedFiles.against(git, "HEAD", false, true);
        Path top = git.top();
        assertEquals(List.of(top.resolve("drm/edited.c"), top.resolve("drm/new.c"), top.resolve("drm/staged.c")),
                change.files());
        assertEquals(Map.of(top.resolve("drm/edited.c"), lines(4), top.resolve("drm/staged.c"), lines(11),
                top.resolve("drm/new.c"), lines(1, 2)), change.lines());

        ChangedFiles staged = ChangedFiles.against(git, "HEAD", true, false);
        assertEquals(List.of(top.resolve("drm/staged.c")), staged.files(), "only what the commit would contain");
        assertEquals(List.of(), staged.alsoUnstaged());
        repo.write("drm/staged.c", TEN_LINES + "11\n12\n");
        assertEquals(List.of(top.resolve("drm/staged.c")), ChangedFiles.against(git, "HEAD", true, false).alsoUnstaged());
    }

    @Test
    void revisionCanBeAnyCommit() throws Exception {
        TempGitRepo repo = TempGitRepo.init(dir);
        repo.write("a.c", TEN_LINES);
        repo.commitAll("one");
        repo.write("b.c", "int b;\n");
        repo.commitAll("two");
        repo.git("mv", "a.c", "renamed.c");
        repo.write("renamed.c", TEN_LINES.replace("7\n", "seven\n"));
        repo.commitAll("three");
        Git git = Git.of(dir);
        ChangedFiles change = ChangedFiles.against(git, "HEAD~2", false, true);
        assertEquals(List.of(git.top().resolve("b.c"), git.top().resolve("renamed.c")), change.files());
        assertEquals(lines(7), change.lines().get(git.top().resolve("renamed.c")), "a rename is not a rewrite");
        assertEquals(List.of(), ChangedFiles.against(git, "HEAD", false, true).files());
    }

    @Test
    void headWithoutCommitsMeansEverythingIsNew() throws Exception {
        TempGitRepo repo = TempGitRepo.init(dir);
        repo.write("first.c", "int a;\n");
        repo.git("add", "first.c");
        Git git = Git.of(dir);
        assertEquals(List.of(git.top().resolve("first.c")), ChangedFiles.against(git, "HEAD", true, true).files());
        assertEquals(lines(1), ChangedFiles.against(git, "HEAD", true, true).lines().get(git.top().resolve("first.c")));
    }

    @Test
    void badRevisionIsOneLine() throws Exception {
        TempGitRepo.init(dir);
        Git git = Git.of(dir);
        GitError e = assertThrows(GitError.class, () -> ChangedFiles.against(git, "no-such-rev", false, false));
        assertEquals("bad revision 'no-such-rev'", e.getMessage());
        GitError option = assertThrows(GitError.class, () -> ChangedFiles.against(git, "--output=x", false, false));
        assertEquals("bad revision '--output=x'", option.getMessage());
    }

    @Test
    void directoryOutsideAnyWorkTree() {
        GitError e = assertThrows(GitError.class, () -> Git.of(dir));
        assertTrue(e.getMessage().startsWith("not in a git work tree: "), e.getMessage());
    }
}
