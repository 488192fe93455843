package io.lockcheck.cache;

import io.lockcheck.AnalyzerOptions;
import io.lockcheck.frontend.FileFacts;
import io.lockcheck.frontend.Prelude;
import io.lockcheck.frontend.SourceSet;
import io.lockcheck.rule.AnalysisResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The incremental cache of one run. Per file it keeps the file's facts (its lowered functions
 * and structs), keyed by the file's bytes and path, the build, the prelude and the options
 * that change parsing; so only new or changed files are parsed again. Per run it keeps the
 * whole result, keyed by every file's key and every option that changes findings; so an
 * unchanged re-run parses and solves nothing. Off in precise mode ({@code -I}): headers are
 * not part of the key.
 */
public final class IncrementalCache implements FileFacts.Store {
    /** Default size bound of the cache directory; {@code LOCKCHECK_CACHE_MAX_MB} overrides it. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    private static final String LAYOUT = "entries-v1";

    private final CacheDir dir;
    private final String context;
    private final Map<Path, String> expected = new ConcurrentHashMap<>();
    private final AtomicBoolean consistent = new AtomicBoolean(true);
    private final AtomicBoolean stored = new AtomicBoolean();

    private IncrementalCache(CacheDir dir, String context) {
        this.dir = dir;
        this.context = context;
    }

    /**
     * The cache directory of a user: {@code $LOCKCHECK_CACHE_DIR}, else
     * {@code $XDG_CACHE_HOME/lockcheck}, else {@code ~/.cache/lockcheck}.
     */
    public static Path defaultDir() {
        String own = System.getenv("LOCKCHECK_CACHE_DIR");
        if (own != null && !own.isBlank()) return Path.of(own);
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "lockcheck");
        return Path.of(System.getProperty("user.home"), ".cache", "lockcheck");
    }

    /** The default directory when lockcheck runs from its jar; null (no cache unless asked for) in development builds. */
    public static Path defaultDirForProduct(Collection<Class<?>> code) {
        return BuildId.fromJars(code) ? defaultDir() : null;
    }

    /**
     * The cache for a run with {@code options} by the code of {@code code} (the analyzer and its
     * rules), or null when caching is off: no directory, precise mode, or an unreadable build.
     */
    public static IncrementalCache open(AnalyzerOptions options, Collection<Class<?>> code) {
        // precise mode reads headers the key does not cover: no cache there
        if (options.cacheDir() == null || !options.includeDirs().isEmpty() || options.kernelTree() != null
                || options.compileCommands() != null) {
            return null;
        }
        String build = BuildId.of(code);
        if (build == null) return null;
        Digest d = new Digest().add(LAYOUT).add(build).add(new String(Prelude.text()));
        new TreeMap<>(options.defines()).forEach((k, v) -> d.add(k).add(v));
        return new IncrementalCache(new CacheDir(options.cacheDir().resolve(LAYOUT)), d.hex());
    }

    /** The digest of a file's bytes, or null when it cannot be read (the run then reports it). */
    public String digest(Path file) {
        String h = stats().digest(file);
        if (h != null) expected.put(file, h);
        return h;
    }

    private StatIndex stats;

    private synchronized StatIndex stats() {
        if (stats == null) stats = StatIndex.load(dir.get(statKey()));
        return stats;
    }

    private String statKey() {
        return new Digest().add("stat-index").add(context).hex();
    }

    /**
     * The key of a whole run: its files in order with their digests, the rules, the specs' bytes
     * and every option that changes findings; null when a file could not be read.
     */
    public String runKey(SourceSet.Expanded set, List<String> digests, AnalyzerOptions options, List<String> rules) {
        Digest d = new Digest().add("run").add(context).add(String.valueOf(rules)).add(set.notifications().toString())
                .add(options.maxFileBytes() + " " + options.inferMinWrites() + " " + options.inferMinShare() + " "
                        + options.functionBudget() + " " + options.parseTimeoutMillis());
        for (Path spec : options.specFiles()) {
            try {
                d.add(spec.toString()).add(Files.readAllBytes(spec));
            } catch (IOException e) {
                d.add(spec.toString()).add("unreadable: " + e);
            }
        }
        for (int i = 0; i < digests.size(); i++) {
            if (digests.get(i) == null) return null;
            d.add(set.files().get(i).toString()).add(digests.get(i));
        }
        return d.hex();
    }

    private String factsKey(Path file, String digest) {
        return new Digest().add("facts").add(context).add(file.toString()).add(digest).hex();
    }

    /**
     * Without reading the file: the facts for the digest this run already took (from the stat
     * index, or from reading it once). Reading and hashing every unchanged file again was a
     * quarter of the CPU of a run with one file changed.
     */
    @Override
    public FileFacts find(Path file) {
        String digest = expected.get(file);
        return digest == null ? null : decoded(file, dir.get(factsKey(file, digest)));
    }

    @Override
    public FileFacts find(Path file, byte[] bytes) {
        String digest = Digest.of(bytes);
        String was = expected.get(file);
        if (was != null && !was.equals(digest)) consistent.set(false); // changed while we ran
        return decoded(file, dir.get(factsKey(file, digest)));
    }

    private static FileFacts decoded(Path file, byte[] payload) {
        if (payload == null) return null;
        try {
            return RecordCodec.decode(payload) instanceof FileFacts f && f.file().equals(file) ? f : null;
        } catch (RecordCodec.Corrupt e) {
            return null;
        }
    }

    @Override
    public void keep(Path file, byte[] bytes, FileFacts facts) {
        byte[] payload;
        try {
            payload = RecordCodec.encode(facts);
        } catch (IllegalArgumentException e) {
            return; // something the codec does not know: not cached, still correct
        }
        dir.put(factsKey(file, Digest.of(bytes)), payload);
        stored.set(true);
    }

    /** The result stored under a run key, or null. */
    public AnalysisResult result(String runKey) {
        byte[] payload = dir.get(runKey);
        if (payload == null) return null;
        try {
            return RecordCodec.decode(payload) instanceof AnalysisResult r ? r : null;
        } catch (RecordCodec.Corrupt e) {
            return null;
        }
    }

    /** Stores a run's result, unless a file changed while the run read it. */
    public void keep(String runKey, AnalysisResult result) {
        if (!consistent.get()) return;
        try {
            dir.put(runKey, RecordCodec.encode(result));
            stored.set(true);
        } catch (IllegalArgumentException e) {
            // not cacheable
        }
    }

    /** Keeps the directory within its size bound after a run that wrote to it. */
    public void close() {
        StatIndex s;
        synchronized (this) {
            s = stats;
        }
        if (s != null && s.changed()) {
            dir.put(statKey(), s.encode());
            stored.set(true);
        }
        if (stored.get()) dir.trim(maxBytes());
    }

    private static long maxBytes() {
        String mb = System.getenv("LOCKCHECK_CACHE_MAX_MB");
        try {
            if (mb != null) return Math.max(1, Long.parseLong(mb.strip())) << 20;
        } catch (NumberFormatException e) {
            // fall through to the default
        }
        return DEFAULT_MAX_BYTES;
    }
}
