package io.lockcheck.cfg;

import io.lockcheck.Analyzer;
import io.lockcheck.AnalyzerOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Golden CFG dumps: each {@code *.c} under test resources io/lockcheck/cfg/ is lowered and
 * printed as {@code lockcheck dump-cfg} prints it, and must equal the reviewed {@code *.cfg}
 * beside it. To accept an intended change, run with {@code -Dlockcheck.updateGolden=true},
 * then review the diff of the .cfg files before committing them.
 */
class CfgGoldenTest {
    @TestFactory
    Stream<DynamicTest> dumpsMatchTheirGoldenFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(CfgGoldenTest.class.getResource("/io/lockcheck/cfg").toURI());
        List<Path> sources;
        try (Stream<Path> s = Files.list(dir)) {
            sources = s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
        assertFalse(sources.isEmpty(), "no golden sources in " + dir);
        Analyzer analyzer = new Analyzer(List.of(), AnalyzerOptions.defaults().withJobs(1));
        return sources.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            String actual = analyzer.dumpCfg(c, null);
            Path golden = Path.of(c.toString().replaceAll("\\.c$", ".cfg"));
            if (Boolean.getBoolean("lockcheck.updateGolden")) {
                Path source = Path.of("src/test/resources/io/lockcheck/cfg").resolve(golden.getFileName());
                Files.writeString(source, actual);
            }
            assertEquals(Files.readString(golden), actual, "CFG of " + c.getFileName());
        }));
    }
}
