package io.lockcheck.report;

import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Notification;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Where a source file is, as SARIF wants it: a URI reference relative to {@code %SRCROOT%} when
 * the file is under the srcroot (GitHub code scanning maps those onto the repository), a
 * relative reference when the user named the file relatively and gave no srcroot, otherwise an
 * absolute {@code file://} URI.
 *
 * @param uri               RFC 3986 URI or relative reference, forward slashes, percent-encoded
 * @param relativeToSrcroot true when {@code uri} is to be resolved against {@code %SRCROOT%}
 */
record ArtifactUri(String uri, boolean relativeToSrcroot) implements Comparable<ArtifactUri> {

    private static final Comparator<ArtifactUri> ORDER =
            Comparator.comparing(ArtifactUri::uri).thenComparing(ArtifactUri::relativeToSrcroot);

    static ArtifactUri of(Path file, Path srcroot) {
        if (srcroot != null) {
            Path root = srcroot.toAbsolutePath().normalize();
            Path abs = file.toAbsolutePath().normalize();
            if (abs.startsWith(root) && !abs.equals(root)) {
                return new ArtifactUri(encodePath(root.relativize(abs)), true);
            }
            return new ArtifactUri(fileUri(abs, false), false);
        }
        Path normal = file.normalize();
        return normal.isAbsolute()
                ? new ArtifactUri(fileUri(normal, false), false)
                : new ArtifactUri(encodePath(normal), false);
    }

    /** Every file that any location in the result mentions, each once, sorted: artifact indexes stay stable. */
    static SortedSet<ArtifactUri> referencedBy(AnalysisResult result, Path srcroot) {
        SortedSet<ArtifactUri> files = new TreeSet<>();
        List<Finding> all = new ArrayList<>(result.findings());
        result.suppressed().forEach(s -> all.add(s.finding()));
        for (Finding f : all) {
            files.add(of(f.location().file(), srcroot));
            f.related().forEach(s -> files.add(of(s.location().file(), srcroot)));
            f.flow().forEach(t -> t.steps().forEach(s -> files.add(of(s.location().file(), srcroot))));
            if (f.fix() != null) {
                files.add(of(f.fix().region().file(), srcroot));
            }
        }
        for (Notification n : result.notifications()) {
            if (n.file() != null) {
                files.add(of(n.file(), srcroot));
            }
        }
        return files;
    }

    /** The {@code %SRCROOT%} base: an absolute file URI that ends with a slash, as SARIF requires. */
    static String baseUri(Path srcroot) {
        return fileUri(srcroot.toAbsolutePath().normalize(), true);
    }

    private static String fileUri(Path absolute, boolean directory) {
        String path = encodePath(absolute); // POSIX: starts with '/', so this makes file:///...
        if (directory && !path.endsWith("/")) {
            path += "/";
        }
        return "file://" + path;
    }

    /** Path segments joined with '/', each percent-encoded as an RFC 3986 path segment. */
    static String encodePath(Path p) {
        StringBuilder sb = new StringBuilder();
        if (p.getRoot() != null && p.getRoot().toString().startsWith("/")) {
            sb.append('/');
        }
        for (int i = 0; i < p.getNameCount(); i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(encodeSegment(p.getName(i).toString()));
        }
        return sb.toString();
    }

    /**
     * Keeps RFC 3986 unreserved characters, sub-delims and '@'; encodes everything else as UTF-8
     * bytes. ':' is encoded too, because in a relative reference's first segment it would read
     * as a scheme.
     */
    static String encodeSegment(String segment) {
        StringBuilder sb = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c) || "!$&'()*+,;=@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    @Override
    public int compareTo(ArtifactUri o) {
        return ORDER.compare(this, o);
    }
}
