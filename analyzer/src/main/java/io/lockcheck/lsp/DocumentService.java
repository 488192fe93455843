package io.lockcheck.lsp;

import io.lockcheck.rule.Notification;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The text document side of the server: analyses a C file when it is opened (the editor's text)
 * and when it is saved (the text on disk), publishes its findings as diagnostics, answers hover
 * on them with the rule's help, and clears them when the file is closed. Analyses run on the
 * {@link AnalysisQueue}'s worker, never on the message loop that calls these methods.
 */
final class DocumentService implements TextDocumentService {
    private final FileAnalysis analysis;
    private final RuleHover hover;
    private final AnalysisQueue queue = new AnalysisQueue();
    /** What was last published for each open document, for hover. */
    private final Map<String, List<Diagnostic>> published = new ConcurrentHashMap<>();
    private volatile LanguageClient client;

    DocumentService(FileAnalysis analysis, RuleHover hover) {
        this.analysis = analysis;
        this.hover = hover;
    }

    void connect(LanguageClient c) {
        this.client = c;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var doc = params.getTextDocument();
        request(doc.getUri(), "c".equals(doc.getLanguageId()), doc.getText());
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        request(params.getTextDocument().getUri(), false, null);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        // Not asked for (sync kind None): findings follow the file as opened and as saved.
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        queue.cancel(uri, () -> {
            published.remove(uri);
            client.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        });
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        List<Diagnostic> here = published.getOrDefault(params.getTextDocument().getUri(), List.of());
        return CompletableFuture.completedFuture(hover.at(here, params.getPosition()));
    }

    /** Stops analysing; nothing is published after this. */
    void close() {
        queue.close();
    }

    /** {@code text} null: the file on disk. */
    private void request(String uri, boolean saysC, String text) {
        Path file = fileOf(uri);
        if (file == null) {
            log(MessageType.Log, "lockcheck: " + uri + " is not a local file; not analysed");
            return;
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!saysC && !name.endsWith(".c") && !name.endsWith(".h")) {
            log(MessageType.Log, "lockcheck: " + file + " is not a C file; not analysed");
            return;
        }
        queue.submit(uri, () -> {
            long start = System.nanoTime();
            try {
                FileAnalysis.Outcome outcome = analysis.analyse(file, text);
                return new Timed(outcome, (System.nanoTime() - start) / 1_000_000);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, timed -> publish(uri, timed), failure -> log(MessageType.Error,
                "lockcheck: could not analyse " + file + ": " + describe(failure)));
    }

    private record Timed(FileAnalysis.Outcome outcome, long millis) {
    }

    private void publish(String uri, Timed timed) {
        FileAnalysis.Outcome o = timed.outcome();
        Function<Path, String> uris = p -> p.equals(o.analysed()) ? uri : p.toUri().toString();
        List<Diagnostic> diagnostics = o.findings().stream().map(f -> Diagnostics.of(f, uris)).toList();
        published.put(uri, diagnostics);
        client.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics));
        for (Notification n : o.notifications()) {
            Path where = n.file() == null ? null : n.file().equals(o.analysed()) ? o.file() : n.file();
            log(Diagnostics.messageType(n.level()),
                    "lockcheck: " + (where == null ? "" : where + ": ") + n.level().word() + ": " + n.message());
        }
        log(MessageType.Log, "lockcheck: " + o.file() + ": " + diagnostics.size() + " finding"
                + (diagnostics.size() == 1 ? "" : "s") + " in " + timed.millis() + " ms");
    }

    private void log(MessageType type, String message) {
        LanguageClient c = client;
        if (c != null) {
            c.logMessage(new MessageParams(type, message));
        }
    }

    /** The local path of a {@code file:} URI; null for any other (an unsaved "untitled:" buffer). */
    static Path fileOf(String uri) {
        try {
            URI u = new URI(uri);
            return "file".equalsIgnoreCase(u.getScheme()) ? Path.of(u) : null;
        } catch (Exception e) { // URISyntaxException, or a file URI with a host or query
            return null;
        }
    }

    private static String describe(Throwable t) {
        Throwable cause = t instanceof UncheckedIOException || t instanceof IllegalStateException && t.getCause() != null
                ? t.getCause() : t;
        String m = cause.getMessage();
        return cause.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }
}
