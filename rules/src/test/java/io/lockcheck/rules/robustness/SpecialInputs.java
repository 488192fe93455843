package io.lockcheck.rules.robustness;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Inputs that are not broken text but broken files: what a checkout, a build directory or a
 * careless path can hold. CI runs as root, for whom {@code chmod 000} does not make a file
 * unreadable; what cannot be read even by root is a FIFO with no writer (reading blocks), a
 * socket, and a directory named like a C file, so those stand in for "unreadable".
 */
final class SpecialInputs {
    private SpecialInputs() {
    }

    /** Creates the special files in {@code dir} and returns their names (each counts as one input). */
    static List<String> create(Path dir, Path outside) throws IOException, InterruptedException {
        List<String> made = new ArrayList<>();
        Path fifo = dir.resolve("fifo.c");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) made.add("fifo.c");
        ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        socket.bind(UnixDomainSocketAddress.of(dir.resolve("socket.c")));
        socket.close(); // the socket file stays: nobody listens, nothing can be read
        made.add("socket.c");
        Files.createDirectories(dir.resolve("directory.c"));
        Files.writeString(dir.resolve("directory.c/inside.c"), "int rb_inside(void) { return 0; }\n");
        made.add("directory.c");
        Files.createSymbolicLink(dir.resolve("dangling.c"), dir.resolve("no-such-target.c"));
        made.add("dangling.c");
        Files.createSymbolicLink(dir.resolve("loop-a.c"), dir.resolve("loop-b.c"));
        Files.createSymbolicLink(dir.resolve("loop-b.c"), dir.resolve("loop-a.c"));
        made.add("loop-a.c, loop-b.c");
        Files.createSymbolicLink(dir.resolve("self"), Path.of("."));
        Files.createSymbolicLink(dir.resolve("parent"), Path.of(".."));
        made.add("self -> ., parent -> ..");
        Files.createSymbolicLink(dir.resolve("outside"), outside);
        made.add("outside (link out of the tree)");
        Path locked = dir.resolve("mode-000.c");
        Files.writeString(locked, "static int rb_locked;\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        made.add("mode-000.c");
        Files.write(dir.resolve("random-binary.c"), randomBytes(new Random(7), 100_000));
        made.add("random-binary.c");
        Files.write(dir.resolve("empty.c"), new byte[0]);
        made.add("empty.c");
        Files.writeString(dir.resolve("blank.c"), " \t\r\n".repeat(1000));
        made.add("blank.c");
        Files.writeString(dir.resolve("only-bom.c"), "\uFEFF", StandardCharsets.UTF_8);
        made.add("only-bom.c");
        return made;
    }

    /** A C file of at least {@code bytes} bytes: the corpus files one after another. */
    static Path large(Path file, List<Corpus.Source> corpus, long bytes) throws IOException {
        try (var out = Files.newOutputStream(file)) {
            long n = 0;
            for (int i = 0; n < bytes; i = (i + 1) % corpus.size()) {
                byte[] b = corpus.get(i).bytes();
                out.write(b);
                n += b.length;
            }
        }
        return file;
    }

    /** {@code count} small files (two functions each, one with a lock imbalance) in nested directories. */
    static void manyFiles(Path dir, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            Path sub = dir.resolve(String.format("d%03d", i / 100));
            Files.createDirectories(sub);
            Files.writeString(sub.resolve(String.format("f%05d.c", i)), """
                    struct rb_many_%1$d { struct mutex lock; int n; };
                    int rb_many_get_%1$d(struct rb_many_%1$d *s)
                    {
                    	mutex_lock(&s->lock);
                    	if (s->n < 0)
                    		return -1;
                    	mutex_unlock(&s->lock);
                    	return s->n;
                    }
                    """.formatted(i));
        }
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
