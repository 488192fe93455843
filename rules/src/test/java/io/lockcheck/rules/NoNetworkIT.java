package io.lockcheck.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "No network access ever": the jar checks the samples with a lock spec (schema validation is
 * where a library could fetch a remote meta-schema) and writes SARIF, under strace. The JVM
 * creates unconnected INET sockets at start to probe IPv6 support; that is not network access.
 * What would be is any connect, bind, listen or send on an INET socket.
 */
class NoNetworkIT {
    private static final Path JAR = Path.of(System.getProperty("lockcheck.jar", "target/lockcheck.jar")).toAbsolutePath();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @Test
    void checkWithSpecAndSarifTouchesNoNetwork(@TempDir Path tmp) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "no " + JAR + ": the IT runs after 'package'");
        Path samples = SamplesTest.samplesDir();
        Path trace = tmp.resolve("trace");
        Process p = new ProcessBuilder("strace", "-f", "-qq", "-e", "trace=connect,bind,listen,sendto,sendmsg,sendmmsg", "-e", "signal=none",
                "-o", trace.toString(), JAVA.toString(), "-jar", JAR.toString(), "check", "--no-cache",
                "--spec", samples.resolve("LC001-unlocked-read/spec.yaml").toString(), "--format", "sarif",
                "-o", tmp.resolve("out.sarif").toString(), samples.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "lockcheck did not finish");
        assertEquals(1, p.exitValue(), () -> "findings expected; log: " + read(tmp.resolve("log")));
        assertTrue(Files.size(tmp.resolve("out.sarif")) > 1000, "SARIF written");
        List<String> network = Files.readAllLines(trace).stream()
                .filter(l -> l.contains("AF_INET") || l.contains("sin_port") || l.contains("sin6_port")).toList();
        assertEquals(List.of(), network, "network system calls");
        assertTrue(Files.readString(trace).isEmpty() || Files.readAllLines(trace).stream()
                .allMatch(l -> l.contains("AF_UNIX") || l.contains("AF_NETLINK")), () -> "unexpected calls: " + read(trace));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
