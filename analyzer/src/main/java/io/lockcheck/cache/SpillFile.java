package io.lockcheck.cache;

import io.lockcheck.cfg.Texts;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Packed CFGs moved out of the heap when memory runs short (a whole kernel tree): appended to
 * one file per process and read back by offset. The file is unlinked as soon as it is open, so
 * nothing is left behind even when the run is killed; the space returns when the process ends.
 */
final class SpillFile {
    /** Where a packed CFG went. */
    record Spilled(long offset, int length) {
    }

    private static SpillFile file;
    private static boolean failed;
    /** The run's --cache-dir, tried first; null for the default cache directory. */
    private static Path preferred;

    private final FileChannel channel;
    private long end;

    private SpillFile(FileChannel channel) {
        this.channel = channel;
    }

    /** Writes {@code p} out; null when no spill file can be written (it then stays in memory). */
    static Spilled write(RecordCodec.Packed p) {
        SpillFile f = open();
        if (f == null) return null;
        try {
            return f.append(encode(p));
        } catch (IOException e) {
            return null;
        }
    }

    static RecordCodec.Packed read(Spilled s) throws IOException {
        SpillFile f;
        synchronized (SpillFile.class) {
            f = file;
        }
        if (f == null) throw new IOException("no spill file");
        ByteBuffer b = ByteBuffer.allocate(s.length());
        while (b.hasRemaining()) {
            if (f.channel.read(b, s.offset() + b.position()) < 0) throw new IOException("spill file truncated");
        }
        return decode(b.array());
    }

    /** Where the spill file goes: {@code dir} (a run's cache directory) if it can be written there. */
    static synchronized void preferDir(Path dir) {
        preferred = dir;
    }

    /** The directories tried for the spill file, in order. */
    static synchronized List<Path> places() {
        List<Path> out = new ArrayList<>();
        if (preferred != null) out.add(preferred);
        out.add(IncrementalCache.defaultDir());
        out.add(Path.of(System.getProperty("java.io.tmpdir")));
        return out;
    }

    private static synchronized SpillFile open() {
        if (file != null || failed) return file;
        file = openIn(places());
        failed = file == null;
        return file;
    }

    /** A new spill file in the first of {@code dirs} where one can be made, or null. */
    static SpillFile openIn(List<Path> dirs) {
        for (Path dir : dirs) {
            try {
                Files.createDirectories(dir);
                Path p = Files.createTempFile(dir, "lockcheck-spill-", ".tmp");
                FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE);
                try {
                    Files.delete(p); // POSIX: the open channel still reads and writes it
                } catch (IOException e) {
                    p.toFile().deleteOnExit();
                }
                return new SpillFile(ch);
            } catch (IOException | RuntimeException e) {
                // try the next place
            }
        }
        return null;
    }

    private synchronized Spilled append(byte[] data) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(data);
        long at = end;
        while (b.hasRemaining()) channel.write(b, at + b.position());
        end += data.length;
        return new Spilled(at, data.length);
    }

    /** The bytes, then the strings the bytes refer to by number. */
    private static byte[] encode(RecordCodec.Packed p) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(p.bytes().length + 32 * p.strings().length);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(p.bytes().length);
        out.write(p.bytes());
        out.writeInt(p.strings().length);
        for (String s : p.strings()) { // UTF-16 as in memory: a text cut inside a surrogate pair stays as it was
            out.writeInt(s.length());
            out.writeChars(s);
        }
        return bytes.toByteArray();
    }

    private static RecordCodec.Packed decode(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(data));
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        String[] strings = new String[in.readInt()];
        for (int i = 0; i < strings.length; i++) {
            char[] c = new char[in.readInt()];
            for (int k = 0; k < c.length; k++) c[k] = in.readChar();
            strings[i] = Texts.shared(new String(c)); // shared again, as when lowered
        }
        return new RecordCodec.Packed(bytes, strings);
    }
}
