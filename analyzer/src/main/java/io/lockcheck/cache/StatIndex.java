package io.lockcheck.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * File digests remembered with the file's size, modification time and inode, as git's index
 * does, so that an unchanged re-run stats files instead of reading and hashing them (hashing
 * was 70% of such a run). A digest is only remembered for a file last modified at least
 * {@link #SETTLED_NS} before it was read, so an edit in the same clock tick as the read is
 * never mistaken for no change. One entry of the cache directory; the last run to write it wins.
 */
final class StatIndex {
    private static final long SETTLED_NS = TimeUnit.SECONDS.toNanos(2);
    private static final int MAX_ROWS = 200_000;

    /** One file as it was when digested. */
    record Row(String path, Long size, Long modified, String fileKey, String digest) {
    }

    private final Map<String, Row> known = new HashMap<>();
    private final Map<String, Row> fresh = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    static StatIndex load(byte[] payload) {
        StatIndex s = new StatIndex();
        if (payload == null) return s;
        try {
            if (RecordCodec.decode(payload) instanceof List<?> rows) {
                for (Object r : rows) if (r instanceof Row row) s.known.put(row.path(), row);
            }
        } catch (RecordCodec.Corrupt | ClassCastException e) {
            s.known.clear(); // a damaged index only costs hashing
        }
        return s;
    }

    /** The digest of {@code file}'s bytes; null when it cannot be read. */
    String digest(Path file) {
        try {
            long before = System.currentTimeMillis();
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            long modified = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            String key = String.valueOf(a.fileKey());
            Row k = known.get(file.toString());
            if (k != null && Long.valueOf(a.size()).equals(k.size()) && Long.valueOf(modified).equals(k.modified())
                    && key.equals(k.fileKey()) && k.digest() != null) {
                fresh.put(k.path(), k);
                return k.digest();
            }
            String h = Digest.of(Files.readAllBytes(file));
            if (modified < TimeUnit.MILLISECONDS.toNanos(before) - SETTLED_NS) {
                fresh.put(file.toString(), new Row(file.toString(), a.size(), modified, key, h));
            }
            return h;
        } catch (IOException | OutOfMemoryError e) {
            return null;
        }
    }

    /** True when this run learnt something the stored index does not hold. */
    boolean changed() {
        for (Row r : fresh.values()) if (!r.equals(known.get(r.path()))) return true;
        return false;
    }

    /** This run's rows, then older rows of other files, up to a bound. */
    byte[] encode() {
        List<Row> rows = new ArrayList<>(fresh.values());
        for (Row r : known.values()) {
            if (rows.size() >= MAX_ROWS) break;
            if (!fresh.containsKey(r.path())) rows.add(r);
        }
        rows.sort(java.util.Comparator.comparing(Row::path));
        return RecordCodec.encode(rows);
    }
}
