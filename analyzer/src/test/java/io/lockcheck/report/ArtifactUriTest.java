package io.lockcheck.report;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArtifactUriTest {
    private static final Path ROOT = Path.of("/work/linux");

    @Test
    void underSrcrootIsRelativeToIt() {
        assertEquals(new ArtifactUri("drivers/gpu/drm/drm_gem.c", true),
                ArtifactUri.of(Path.of("/work/linux/drivers/gpu/drm/drm_gem.c"), ROOT));
        assertEquals(new ArtifactUri("drivers/gpu/drm/drm_gem.c", true),
                ArtifactUri.of(Path.of("/work/linux/./drivers/gpu/../gpu/drm/drm_gem.c"), ROOT));
    }

    @Test
    void outsideSrcrootIsAnAbsoluteFileUri() {
        assertEquals(new ArtifactUri("file:///usr/include/linux/mutex.h", false),
                ArtifactUri.of(Path.of("/usr/include/linux/mutex.h"), ROOT));
        // a sibling whose name merely starts with the root's name is not inside it
        assertEquals(new ArtifactUri("file:///work/linux-next/a.c", false),
                ArtifactUri.of(Path.of("/work/linux-next/a.c"), ROOT));
    }

    @Test
    void withoutSrcrootRelativeStaysRelativeAndAbsoluteBecomesFileUri() {
        assertEquals(new ArtifactUri("drivers/a.c", false), ArtifactUri.of(Path.of("drivers/a.c"), null));
        assertEquals(new ArtifactUri("../a.c", false), ArtifactUri.of(Path.of("../a.c"), null));
        assertEquals(new ArtifactUri("file:///tmp/a.c", false), ArtifactUri.of(Path.of("/tmp/a.c"), null));
    }

    @Test
    void percentEncodesWhatRfc3986DoesNotAllowInAPathSegment() {
        assertEquals("my%20drm/l%C3%B6ck%231.c", ArtifactUri.encodePath(Path.of("my drm/löck#1.c")));
        assertEquals("a%3Ab/c%3Fd%25e%5Bf%5D", ArtifactUri.encodePath(Path.of("a:b/c?d%e[f]")));
        assertEquals("keep-._~!$&'()*+,;=@/x", ArtifactUri.encodePath(Path.of("keep-._~!$&'()*+,;=@/x")));
        assertEquals("file:///work/my%20tree/a.c", ArtifactUri.of(Path.of("/work/my tree/a.c"), null).uri());
    }

    @Test
    void baseUriEndsWithASlash() {
        assertEquals("file:///work/linux/", ArtifactUri.baseUri(ROOT));
        assertEquals("file:///work/linux/", ArtifactUri.baseUri(Path.of("/work/linux/")));
        assertEquals("file:///", ArtifactUri.baseUri(Path.of("/")));
    }
}
