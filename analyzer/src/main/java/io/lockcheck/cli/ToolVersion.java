package io.lockcheck.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version Maven filtered into {@code /io/lockcheck/version.properties}. */
final class ToolVersion implements IVersionProvider {
    private static final String RESOURCE = "/io/lockcheck/version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"lockcheck " + current()};
    }

    /** The version, or "unknown" when run from classes Maven did not filter (an IDE build). */
    static String current() {
        return property("version", "unknown");
    }

    /** The tool's information URI for SARIF (the build property lockcheck.information-uri), or null. */
    static java.net.URI informationUri() {
        String u = property("informationUri", "");
        return u.isEmpty() ? null : java.net.URI.create(u);
    }

    private static String property(String key, String fallback) {
        try (InputStream in = ToolVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return fallback;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty(key, "").strip();
            return v.isEmpty() || v.startsWith("${") ? fallback : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
