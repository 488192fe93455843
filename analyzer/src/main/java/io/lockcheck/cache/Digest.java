package io.lockcheck.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A SHA-256 over a sequence of parts, each length-prefixed so that no two sequences collide by concatenation. */
final class Digest {
    private final MessageDigest md;

    Digest() {
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java platform has SHA-256
        }
    }

    Digest add(byte[] b) {
        md.update(java.nio.ByteBuffer.allocate(4).putInt(b.length).array());
        md.update(b);
        return this;
    }

    Digest add(String s) {
        return add(s == null ? new byte[] {-1} : s.getBytes(StandardCharsets.UTF_8));
    }

    String hex() {
        return HexFormat.of().formatHex(md.digest());
    }

    static String of(byte[] b) {
        return new Digest().add(b).hex();
    }
}
