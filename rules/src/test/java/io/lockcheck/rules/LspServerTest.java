package io.lockcheck.rules;

import io.lockcheck.AnalyzerOptions;
import io.lockcheck.lsp.AnalysisScope;
import io.lockcheck.lsp.LockcheckServer;
import io.lockcheck.rule.Rule;
import io.lockcheck.rule.RuleInfo;
import io.lockcheck.rule.RuleSet;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The language server in-process, driven by an lsp4j client over a pair of pipes. */
class LspServerTest {
    private static final Map<String, RuleInfo> RULES = RuleSet.loadAll().stream().map(Rule::info)
            .collect(Collectors.toMap(RuleInfo::id, i -> i));

    private final List<Pipe> pipes = new ArrayList<>();
    private CompletableFuture<Integer> exitCode;

    private LspSession start(AnalyzerOptions options) throws Exception {
        Pipe toServer = Pipe.open(), toClient = Pipe.open();
        pipes.add(toServer);
        pipes.add(toClient);
        LockcheckServer server = new LockcheckServer(RuleSet.loadAll(), options, AnalysisScope.DIRECTORY, "test");
        exitCode = new CompletableFuture<>();
        Thread t = new Thread(() -> exitCode.complete(server.serve(Channels.newInputStream(toServer.source()),
                Channels.newOutputStream(toClient.sink()))), "test-lsp-server");
        t.setDaemon(true);
        t.start();
        LspSession s = new LspSession(Channels.newInputStream(toClient.source()), Channels.newOutputStream(toServer.sink()));
        InitializeResult init = s.initialize();
        assertEquals(Boolean.TRUE, init.getCapabilities().getHoverProvider().getLeft());
        assertEquals("lockcheck", init.getServerInfo().getName());
        return s;
    }

    /** Ends both connections as a closed stream would: their readers see the end of input. */
    @AfterEach
    void closePipes() throws IOException {
        for (Pipe p : pipes) {
            p.sink().close();
        }
    }

    /** "line:RULE" with 1-based lines, as the sample markers are written. */
    private static Set<String> lineRules(PublishDiagnosticsParams p) {
        return p.getDiagnostics().stream().map(d -> (d.getRange().getStart().getLine() + 1) + ":" + d.getCode().getLeft())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Every sample file opened in an editor shows exactly the findings its markers expect: the
     * sample directory is the context, as for the rule test suite, with its specs given to the server.
     */
    @TestFactory
    Stream<DynamicTest> everySampleShowsItsMarkers() throws IOException {
        Path root = SamplesTest.samplesDir();
        List<Path> dirs;
        try (Stream<Path> s = Files.walk(root)) {
            dirs = s.filter(Files::isDirectory).filter(d -> !d.endsWith("include")).filter(d -> !cFiles(d).isEmpty())
                    .sorted().toList();
        }
        assertTrue(!dirs.isEmpty(), "no samples under " + root);
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(root.relativize(dir).toString(), () -> checkSamples(dir)));
    }

    private void checkSamples(Path dir) throws Exception {
        List<Path> specs;
        try (Stream<Path> s = Files.list(dir)) {
            specs = s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        LspSession s = start(AnalyzerOptions.defaults().withJobs(1).withSpecs(specs));
        Map<Path, String> uris = new LinkedHashMap<>();
        for (Path f : cFiles(dir)) {
            uris.put(f, s.open(f));
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Path, String> e : uris.entrySet()) {
            PublishDiagnosticsParams p = s.diagnostics(e.getValue());
            SampleMarkers m = SampleMarkers.read(e.getKey());
            Set<String> wanted = new TreeSet<>(m.expect());
            wanted.addAll(m.spurious());
            if (!wanted.equals(lineRules(p))) {
                problems.add(e.getKey().getFileName() + ": markers " + wanted + " but diagnostics " + lineRules(p));
            }
            for (Diagnostic d : p.getDiagnostics()) {
                assertEquals("lockcheck", d.getSource());
                RuleInfo rule = RULES.get(d.getCode().getLeft());
                assertEquals(severity(rule), d.getSeverity(), d.getCode().getLeft() + " severity");
            }
        }
        LspSession.assertNoErrors(s);
        s.shutdownAndExit();
        assertEquals(0, exitCode.get(60, TimeUnit.SECONDS));
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    private static DiagnosticSeverity severity(RuleInfo rule) {
        return switch (rule.defaultLevel()) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case NOTE -> DiagnosticSeverity.Information;
        };
    }

    private static List<Path> cFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.toString().endsWith(".c")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Test
    void raceWitnessIsRelatedInformationAndHoverShowsTheRuleHelp() throws Exception {
        Path file = SamplesTest.samplesDir().resolve("LC007-unstable-lock/lru-lock/intermediate-fix.c");
        LspSession s = start(AnalyzerOptions.defaults());
        String uri = s.open(file);
        List<Diagnostic> ds = s.diagnostics(uri).getDiagnostics();
        assertEquals(Set.of("53:LC007", "67:LC007", "80:LC007"), lineRules(new PublishDiagnosticsParams(uri, ds)));
        Diagnostic first = ds.stream().filter(d -> d.getRange().getStart().getLine() == 52).findFirst().orElseThrow();
        // mutex_lock(&lru->lock); after a tab: 1-based columns 2 to 23 (exclusive) in the report
        assertEquals(new Position(52, 1), first.getRange().getStart());
        assertEquals(new Position(52, 22), first.getRange().getEnd());
        assertEquals(DiagnosticSeverity.Error, first.getSeverity());
        assertTrue(first.getMessage().startsWith("'lru->lock' is taken through 'obj->lru'"), first.getMessage());
        List<String> related = first.getRelatedInformation().stream().map(LspServerTest::describe).toList();
        assertEquals(List.of(
                "48:28 'obj->lru' loaded here without the lock",
                "48:28 1. [thread A: bad_once_lru_remove()] loads 'obj->lru' without 'lru->lock'",
                "39:3 2. [thread B: once_lru_move_tail_locked()] calls once_lru_remove_locked()",
                "29:2 3. [thread B: once_lru_move_tail_locked()] stores 'WRITE_ONCE(obj->lru, NULL)' holding its caller's lock",
                "53:2 4. [thread A: bad_once_lru_remove()] takes the lock through the stale 'obj->lru'"), related);
        assertTrue(first.getRelatedInformation().stream().allMatch(r -> r.getLocation().getUri().equals(uri)));

        Hover h = s.hover(uri, new Position(52, 10));
        assertEquals(MarkupKind.MARKDOWN, h.getContents().getRight().getKind());
        assertEquals(RULES.get("LC007").helpMarkdown().strip(), h.getContents().getRight().getValue());
        assertEquals(first.getRange(), h.getRange());
        assertNull(s.hover(uri, new Position(51, 1)), "no diagnostic on the line above");

        s.close(uri);
        assertEquals(List.of(), s.diagnostics(uri).getDiagnostics(), "closing clears the file's diagnostics");
        assertNull(s.hover(uri, new Position(52, 10)), "no hover once closed");
        s.shutdownAndExit();
        assertEquals(0, exitCode.get(60, TimeUnit.SECONDS));
    }

    private static String describe(DiagnosticRelatedInformation r) {
        Position p = r.getLocation().getRange().getStart();
        return (p.getLine() + 1) + ":" + (p.getCharacter() + 1) + " " + r.getMessage();
    }

    private static final String GPU = """
            struct gpu {
            \tspinlock_t irq_lock;
            \tunsigned int irq_status __guarded_by(&irq_lock);
            };

            static void gpu_ack(struct gpu *gpu)
            {
            \tspin_lock(&gpu->irq_lock);
            \tgpu->irq_status = 0;
            \tspin_unlock(&gpu->irq_lock);
            }
            """;
    /** Columns are UTF-16 code units: 'ü' is one, the lock emoji two (a surrogate pair). */
    private static final String UNLOCKED_LINE = "\tunsigned int s = /* Grüße 🔒 */ gpu->irq_status;";

    @Test
    void openAnalysesTheEditorsTextAndSaveTheFileOnDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gpu.c");
        Files.writeString(file, GPU, StandardCharsets.UTF_8);
        String unsaved = GPU + "\nstatic unsigned int gpu_peek(struct gpu *gpu)\n{\n" + UNLOCKED_LINE + "\n\treturn s;\n}\n";
        int line = (int) unsaved.lines().takeWhile(l -> !l.equals(UNLOCKED_LINE)).count();
        LspSession s = start(AnalyzerOptions.defaults());
        String uri = file.toUri().toString();
        s.open(uri, unsaved);
        List<Diagnostic> ds = s.diagnostics(uri).getDiagnostics();
        assertEquals(1, ds.size(), () -> "the unsaved read of irq_status: " + ds + "\n" + s.log());
        assertEquals("LC001", ds.get(0).getCode().getLeft());
        assertEquals(new Position(line, UNLOCKED_LINE.indexOf("gpu->irq_status")), ds.get(0).getRange().getStart());
        assertEquals(new Position(line, UNLOCKED_LINE.indexOf(";")), ds.get(0).getRange().getEnd());

        s.save(uri); // the disk still has the file without gpu_peek()
        assertEquals(List.of(), s.diagnostics(uri).getDiagnostics());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "nothing written beside the file");
        }
        s.shutdownAndExit();
        assertEquals(0, exitCode.get(60, TimeUnit.SECONDS));
    }

    @Test
    void unanalysableInputIsLoggedAndTheServerGoesOn(@TempDir Path dir) throws Exception {
        LspSession s = start(AnalyzerOptions.defaults());
        s.open("untitled:Untitled-1", GPU);
        s.awaitLog(m -> m.getMessage().equals("lockcheck: untitled:Untitled-1 is not a local file; not analysed"));

        Path notC = dir.resolve("notes.c");
        Files.writeString(notC, "This is a shopping list, not C: eggs, milk (2 l) {{ ]] ;\n");
        String uri = s.open(notC);
        assertEquals(List.of(), s.diagnostics(uri).getDiagnostics());
        s.awaitLog(m -> m.getType() == MessageType.Warning
                && m.getMessage().equals("lockcheck: " + notC + ": warning: no function could be parsed; is this C?"));

        Path good = dir.resolve("gpu.c");
        Files.writeString(good, GPU + "\nstatic unsigned int gpu_peek(struct gpu *gpu)\n{\n\treturn gpu->irq_status;\n}\n");
        assertEquals(Set.of("15:LC001"), lineRules(s.diagnostics(s.open(good))), "still analysing after bad input");
        assertTrue(s.nothingMoreFor("untitled:Untitled-1"));
        s.shutdownAndExit();
        assertEquals(0, exitCode.get(60, TimeUnit.SECONDS));
    }
}
