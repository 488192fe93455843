package io.lockcheck.frontend;

import io.lockcheck.rule.Level;
import io.lockcheck.rule.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which files a directory argument yields, and what is skipped with a notification. */
class SourceSetTest {
    @TempDir
    Path tmp;

    private Path tree() throws IOException {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Files.writeString(Files.createDirectories(tree.resolve("sub")).resolve("a.c"), "int a;\n");
        Files.writeString(tree.resolve("b.c"), "int b;\n");
        return tree;
    }

    private Path outside() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(out.resolve("secret.c"), "int secret;\n");
        return out;
    }

    @Test
    void linksOutOfTheGivenDirectoryAreSkippedWithANotification() throws IOException {
        Path tree = tree();
        Path out = outside();
        Files.createSymbolicLink(tree.resolve("linked-dir"), out);
        Files.createSymbolicLink(tree.resolve("linked.c"), out.resolve("secret.c"));
        SourceSet.Expanded e = SourceSet.expand(List.of(tree));
        assertEquals(List.of(tree.resolve("b.c"), tree.resolve("sub/a.c")), e.files());
        assertEquals(2, e.notifications().size(), e.notifications().toString());
        for (Notification n : e.notifications()) {
            assertEquals(Level.WARNING, n.level());
            assertTrue(n.message().contains("outside the directory given") && n.message().contains("--follow-symlinks"), n.message());
        }
    }

    @Test
    void followSymlinksReadsThemAndEachFileOnce() throws IOException {
        Path tree = tree();
        Path out = outside();
        Files.createSymbolicLink(tree.resolve("linked-dir"), out);
        Files.createSymbolicLink(tree.resolve("linked.c"), out.resolve("secret.c"));
        SourceSet.Expanded e = SourceSet.expand(List.of(tree), null, true);
        // secret.c is reached twice (through the directory link and the file link): analysed once
        assertEquals(List.of(tree.resolve("b.c"), tree.resolve("linked-dir/secret.c"), tree.resolve("sub/a.c")), e.files());
        assertEquals(List.of(), e.notifications());
    }

    @Test
    void linksInsideTheSrcrootAreFollowedAndLinksOutOfItAreNot() throws IOException {
        Path tree = tree();
        Path out = outside();
        Files.createSymbolicLink(tree.resolve("sub/up.c"), tree.resolve("b.c")); // inside: same file, once
        Path nested = Files.createDirectories(tree.resolve("nested"));
        Files.createSymbolicLink(nested.resolve("sibling"), tree.resolve("sub"));
        Files.createSymbolicLink(nested.resolve("away"), out);
        SourceSet.Expanded e = SourceSet.expand(List.of(nested), tree, false);
        assertEquals(List.of(nested.resolve("sibling/a.c"), nested.resolve("sibling/up.c")), e.files());
        assertEquals(1, e.notifications().size(), e.notifications().toString());
        assertTrue(e.notifications().get(0).message().contains("outside --srcroot"), e.notifications().toString());
    }

    @Test
    void linkLoopsEnd() throws IOException {
        Path tree = tree();
        Files.createSymbolicLink(tree.resolve("self"), Path.of("."));
        Files.createSymbolicLink(tree.resolve("sub/parent"), Path.of(".."));
        Files.createSymbolicLink(tree.resolve("loop-a.c"), tree.resolve("loop-b.c"));
        Files.createSymbolicLink(tree.resolve("loop-b.c"), tree.resolve("loop-a.c"));
        SourceSet.Expanded e = SourceSet.expand(List.of(tree));
        assertEquals(List.of(tree.resolve("b.c"), tree.resolve("sub/a.c")), e.files());
        assertEquals(2, e.notifications().size(), "one per looping .c link: " + e.notifications());
        assertTrue(e.notifications().stream().allMatch(n -> n.message().startsWith("broken symbolic link")), e.notifications().toString());
    }

    @Test
    void socketNamedLikeACFileIsSkippedAndADirectoryNamedSoIsSearched() throws IOException {
        Path tree = tree();
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(tree.resolve("socket.c")));
        }
        Files.writeString(Files.createDirectories(tree.resolve("dir.c")).resolve("in.c"), "int in;\n");
        SourceSet.Expanded e = SourceSet.expand(List.of(tree));
        assertEquals(List.of(tree.resolve("b.c"), tree.resolve("dir.c/in.c"), tree.resolve("sub/a.c")), e.files());
        assertEquals(List.of(new Notification(Level.WARNING, tree.resolve("socket.c"),
                "not a regular file (a FIFO, socket or device); skipped")), e.notifications());
    }
}
