package io.lockcheck.guard;

import java.util.Map;
import java.util.TreeMap;

/**
 * Evidence for guard inference: for each {@code struct.field}, how many plain writes were
 * seen and, per candidate lock, under how many of them it was held. Merged per function in a
 * fixed order, so the counts do not depend on threads.
 */
public final class WriteStats {
    /** A candidate lock for one field: relative ("lock"), global ("global x") or typed ("type s.f"). */
    public static final class Candidate {
        int held;
        String display;
        String where;

        public int held() {
            return held;
        }

        public String display() {
            return display;
        }
    }

    public static final class Field {
        int writes;
        /** Null until a write under a lock: most fields of most functions are written with none held. */
        private Map<String, Candidate> candidates;

        public int writes() {
            return writes;
        }

        public Map<String, Candidate> candidates() {
            return candidates == null ? Map.of() : candidates;
        }

        Candidate candidate(String key) {
            if (candidates == null) candidates = new TreeMap<>();
            return candidates.computeIfAbsent(key, k -> new Candidate());
        }
    }

    private final Map<String, Field> fields;

    public WriteStats() {
        this(new TreeMap<>());
    }

    private WriteStats(Map<String, Field> fields) {
        this.fields = fields;
    }

    /** No writes: shared by the many functions that make none, and read-only. */
    public static final WriteStats NONE = new WriteStats(Map.of());

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public void write(String key) {
        fields.computeIfAbsent(key, k -> new Field()).writes++;
    }

    /** One write of {@code key} with {@code candidate} held; {@code display} is the lock as written there. */
    public void held(String key, String candidate, String display, String where) {
        Candidate c = fields.computeIfAbsent(key, k -> new Field()).candidate(candidate);
        c.held++;
        if (c.where == null || where.compareTo(c.where) < 0) {
            c.where = where;
            c.display = display;
        }
    }

    public void addAll(WriteStats o) {
        o.fields.forEach((k, f) -> {
            Field mine = fields.computeIfAbsent(k, x -> new Field());
            mine.writes += f.writes;
            f.candidates().forEach((ck, c) -> {
                Candidate m = mine.candidate(ck);
                m.held += c.held;
                if (m.where == null || c.where.compareTo(m.where) < 0) {
                    m.where = c.where;
                    m.display = c.display;
                }
            });
        });
    }

    public Map<String, Field> fields() {
        return fields;
    }
}
