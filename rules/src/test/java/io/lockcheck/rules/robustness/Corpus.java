package io.lockcheck.rules.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The real C files broken inputs are made from: the samples, and Linux's DRM code when present. */
final class Corpus {
    private Corpus() {
    }

    /** One file of the corpus, named relative to its root; read when a mutation needs it. */
    record Source(String name, Path path) {
        byte[] bytes() {
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Kernel files larger than this are left out: parsing them dominates a run's time, and size is
     * tried by the 20 MB file anyway. 2,980 of the 3,315 DRM files are smaller.
     */
    static final long MAX_KERNEL_BYTES = 48 << 10;

    /** Every {@code *.c} under the samples, then under {@code kernel/drivers/gpu/drm} (kernel may be null). */
    static List<Source> of(Path samples, Path kernel) throws IOException {
        List<Source> out = new ArrayList<>(cFiles(samples, "samples/", Long.MAX_VALUE));
        if (kernel != null) out.addAll(cFiles(kernel.resolve("drivers/gpu/drm"), "linux/drivers/gpu/drm/", MAX_KERNEL_BYTES));
        return out;
    }

    private static List<Source> cFiles(Path root, String prefix, long maxBytes) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".c") && Files.isRegularFile(p) && p.toFile().length() <= maxBytes).sorted()
                    .map(p -> new Source(prefix + root.relativize(p).toString().replace('\\', '/'), p)).toList();
        }
    }
}
