package io.lockcheck.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Cache entries on disk, one file per key ({@code ab/cdef...}), each framed with a magic
 * number, its length and a CRC. Writes go to a temporary file in the same directory and are
 * renamed into place, so concurrent runs never see half an entry; a missing, truncated or
 * damaged entry reads as a miss. The directory is kept under a size bound, oldest entries
 * (by last write or use) first.
 */
final class CacheDir {
    private static final int MAGIC = 0x4c434b31; // "LCK1"
    private static final long DAY_MS = 24L * 3600 * 1000;
    private final Path dir;

    CacheDir(Path dir) {
        this.dir = dir;
    }

    Path path() {
        return dir;
    }

    private Path file(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key.substring(2));
    }

    /** The payload stored under {@code key}, or null. */
    byte[] get(String key) {
        Path f = file(key);
        byte[] all;
        try {
            all = Files.readAllBytes(f);
        } catch (IOException e) {
            return null;
        }
        if (all.length < 12) return null;
        ByteBuffer b = ByteBuffer.wrap(all);
        if (b.getInt() != MAGIC) return null;
        int n = b.getInt();
        if (n != all.length - 12) return null;
        CRC32 crc = new CRC32();
        crc.update(all, 8, n);
        if ((int) crc.getValue() != ByteBuffer.wrap(all, 8 + n, 4).getInt()) return null;
        touch(f);
        return java.util.Arrays.copyOfRange(all, 8, 8 + n);
    }

    /** Marks an entry as used, at most once a day (the size bound evicts the least recently used). */
    private static void touch(Path f) {
        try {
            long now = System.currentTimeMillis();
            if (now - Files.getLastModifiedTime(f).toMillis() > DAY_MS) Files.setLastModifiedTime(f, FileTime.fromMillis(now));
        } catch (IOException e) {
            // read-only cache: fine
        }
    }

    /** Stores {@code payload} under {@code key}; failures (full disk, read-only) are ignored. */
    void put(String key, byte[] payload) {
        Path f = file(key);
        Path tmp = null;
        try {
            Files.createDirectories(f.getParent());
            tmp = Files.createTempFile(f.getParent(), ".tmp-", "");
            CRC32 crc = new CRC32();
            crc.update(payload);
            ByteBuffer b = ByteBuffer.allocate(payload.length + 12);
            b.putInt(MAGIC).putInt(payload.length).put(payload).putInt((int) crc.getValue());
            Files.write(tmp, b.array());
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written is only slower
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // left for the next trim
                }
            }
        }
    }

    private record Entry(Path file, long size, long time) {
    }

    /** Deletes the least recently used entries until the directory holds at most {@code maxBytes}. */
    void trim(long maxBytes) {
        List<Entry> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir, 2)) {
            s.filter(Files::isRegularFile).forEach(p -> {
                try {
                    all.add(new Entry(p, Files.size(p), Files.getLastModifiedTime(p).toMillis()));
                } catch (IOException e) {
                    // deleted by a concurrent trim
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return;
        }
        long total = all.stream().mapToLong(Entry::size).sum();
        if (total <= maxBytes) return;
        all.sort(Comparator.comparingLong(Entry::time));
        long target = maxBytes * 8 / 10; // some headroom so that every run does not trim again
        for (Entry e : all) {
            if (total <= target) break;
            try {
                Files.deleteIfExists(e.file());
                total -= e.size();
            } catch (IOException ex) {
                // in use elsewhere; try the next
            }
        }
    }
}
