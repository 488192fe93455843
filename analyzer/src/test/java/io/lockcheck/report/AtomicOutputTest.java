package io.lockcheck.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicOutputTest {
    @TempDir
    Path dir;

    @Test
    void writesUtf8AndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.sarif");
        AtomicOutput.write(target, w -> w.write("löck\n"));
        assertEquals("löck\n", Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(List.of(target), list(dir));
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old report, longer than the new one\n");
        AtomicOutput.write(target, w -> w.write("new\n"));
        assertEquals("new\n", Files.readString(target));
    }

    @Test
    void failureLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "previous\n");
        IOException boom = new IOException("disk full");
        IOException thrown = assertThrows(IOException.class, () -> AtomicOutput.write(target, w -> {
            w.write("half a rep");
            w.flush();
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals("previous\n", Files.readString(target));
        assertEquals(List.of(target), list(dir));
    }

    @Test
    void uncheckedFailureAlsoCleansUp() throws IOException {
        Path target = dir.resolve("out.txt");
        assertThrows(IllegalStateException.class, () -> AtomicOutput.write(target, w -> {
            w.write("x");
            throw new IllegalStateException("bug in a report");
        }));
        assertFalse(Files.exists(target));
        assertEquals(List.of(), list(dir));
    }

    @Test
    void bodyMayCloseItsWriter() throws IOException {
        Path target = dir.resolve("out.txt");
        AtomicOutput.write(target, w -> {
            w.write("closed early\n");
            w.close();
        });
        assertEquals("closed early\n", Files.readString(target));
    }

    @Test
    void missingDirectoryFailsWithoutCreatingAnything() {
        Path target = dir.resolve("no/such/dir/out.txt");
        assertThrows(IOException.class, () -> AtomicOutput.write(target, w -> w.write("x")));
        assertFalse(Files.exists(dir.resolve("no")));
    }

    @Test
    void temporaryFilesOfKilledRunsAreRemovedAndLiveOnesKept() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.writeString(dir.resolve(".out.sarif.lockcheck-" + gone.pid() + "-1f.tmp"), "{\"partial");
        Path live = Files.writeString(dir.resolve(".out.sarif.lockcheck-" + ProcessHandle.current().pid() + "-2e.tmp"), "{");
        Path otherReport = Files.writeString(dir.resolve(".other.sarif.lockcheck-" + gone.pid() + "-3d.tmp"), "{");
        Path notOurs = Files.writeString(dir.resolve(".out.sarif.lockcheck-notapid.tmp"), "x");
        Path target = dir.resolve("out.sarif");
        AtomicOutput.write(target, w -> w.write("{}\n"));
        assertEquals(Stream.of(notOurs, otherReport, live, target).sorted().toList(), list(dir));
        assertFalse(Files.exists(stale));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aSpecialFileIsWrittenInPlaceNotReplaced(@TempDir Path dir) throws Exception {
        // -o /dev/null must not turn the device into a regular file; a FIFO shows it without root
        Path fifo = dir.resolve("report.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        java.util.concurrent.CompletableFuture<String> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        AtomicOutput.write(fifo, w -> w.write("report\n"));
        assertEquals("report\n", read.get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertFalse(Files.isRegularFile(fifo), "the FIFO was replaced by a file");
    }
}
