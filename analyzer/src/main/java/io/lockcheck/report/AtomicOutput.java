package io.lockcheck.report;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a report file so that readers (CI uploaders, editors, the next {@code --baseline} run)
 * see either the previous complete file or the new complete file, never a torn one: the text
 * goes to a temporary file beside the target, is fsynced, then renamed over the target.
 */
public final class AtomicOutput {

    /** A step that writes and may fail with an IOException. */
    @FunctionalInterface
    public interface IOConsumer<T> {
        void accept(T value) throws IOException;
    }

    private AtomicOutput() {
    }

    /**
     * Runs {@code body} against a UTF-8 writer and publishes what it wrote at {@code target}.
     * On any failure (including an unchecked one from {@code body}) the temporary file is removed,
     * the target is left as it was, and the failure propagates.
     */
    public static void write(Path target, IOConsumer<Writer> body) throws IOException {
        if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
            // -o /dev/null, a FIFO, /dev/stdout: a rename would replace the device with a file
            try (Writer text = new BufferedWriter(new OutputStreamWriter(
                    Files.newOutputStream(target, java.nio.file.StandardOpenOption.WRITE), StandardCharsets.UTF_8))) {
                body.accept(keepOpen(text));
            }
            return;
        }
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        String name = absolute.getFileName().toString();
        removeStaleTemps(dir, name);
        Path temp = createTemp(dir, name);
        temp.toFile().deleteOnExit(); // Ctrl-C and SIGTERM run shutdown hooks; only SIGKILL leaves it
        boolean published = false;
        try {
            try (FileOutputStream bytes = new FileOutputStream(temp.toFile());
                 Writer text = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
                body.accept(keepOpen(text));
                text.flush();
                bytes.getFD().sync();
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            published = true;
            syncDirectory(dir);
        } finally {
            if (!published) {
                deleteQuietly(temp);
            }
        }
    }

    /**
     * A new, uniquely named file in {@code dir}: {@code .NAME.lockcheck-PID-RANDOM.tmp}, hidden and
     * never mistaken for the report. Created with the ordinary mode (umask applies), unlike
     * {@link Files#createTempFile}, whose owner-only mode the report would inherit.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve(tempPrefix(name) + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    private static String tempPrefix(String name) {
        return "." + name + ".lockcheck-";
    }

    /**
     * Removes temporary files a killed run (kill -9, power loss) left for the same report: those
     * whose process is gone. A live process's file is another run still writing; it stays.
     */
    private static void removeStaleTemps(Path dir, String name) {
        String prefix = tempPrefix(name);
        try (var entries = Files.newDirectoryStream(dir, e -> {
            String n = e.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp");
        })) {
            for (Path p : entries) {
                String rest = p.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                try {
                    long pid = Long.parseLong(dash < 0 ? "" : rest.substring(0, dash));
                    if (ProcessHandle.of(pid).isEmpty()) deleteQuietly(p);
                } catch (NumberFormatException e) {
                    // not a name we make: leave it alone
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            // Cleaning up is a courtesy; writing the report is what matters.
        }
    }

    /** The body may close its writer (Jackson does by default); the flush and fsync still need it open. */
    private static Writer keepOpen(Writer w) {
        return new FilterWriter(w) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Makes the rename itself durable. Best effort: not every platform can open a directory. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The file is complete and in place; only crash-durability of the rename is weaker.
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Keep the original failure; a stray dot-file is the lesser problem.
        }
    }
}
