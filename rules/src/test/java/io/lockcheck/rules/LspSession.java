package io.lockcheck.rules;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An LSP client as an editor is one, over a pair of streams: it records what the server
 * publishes and logs. The waits are liveness bounds (a hung server fails the test instead of
 * hanging the build), generous for a loaded 2-core machine; no test measures speed.
 */
final class LspSession {
    private static final long WAIT_SECONDS = 180;

    private final Recorder client = new Recorder();
    private final LanguageServer server;

    LspSession(InputStream fromServer, OutputStream toServer) {
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, fromServer, toServer);
        server = launcher.getRemoteProxy();
        launcher.startListening();
    }

    InitializeResult initialize() throws Exception {
        InitializeParams params = new InitializeParams();
        params.setCapabilities(new ClientCapabilities());
        InitializeResult result = server.initialize(params).get(WAIT_SECONDS, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return result;
    }

    /** Opens {@code file} with its text on disk, as an editor does; returns its URI. */
    String open(Path file) throws IOException {
        String uri = file.toUri().toString();
        open(uri, Files.readString(file, StandardCharsets.UTF_8));
        return uri;
    }

    void open(String uri, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "c", 1, text)));
    }

    void save(String uri) {
        server.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(uri)));
    }

    void close(String uri) {
        server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
    }

    Hover hover(String uri, Position p) throws Exception {
        return server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), p))
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The next publication of diagnostics for {@code uri}. */
    PublishDiagnosticsParams diagnostics(String uri) throws InterruptedException {
        PublishDiagnosticsParams p = client.queue(uri).poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(p, "no diagnostics for " + uri + " within " + WAIT_SECONDS + " s; log:\n" + log());
        return p;
    }

    /** True when nothing more was published for {@code uri} (checked after a later event). */
    boolean nothingMoreFor(String uri) {
        return client.queue(uri).isEmpty();
    }

    /** The first log message, seen or still to come, that {@code wanted} accepts. */
    MessageParams awaitLog(Predicate<MessageParams> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            for (MessageParams m : client.logs) {
                if (wanted.test(m)) return m;
            }
            synchronized (client.logs) {
                client.logs.wait(200);
            }
        }
        fail("no such log message within " + WAIT_SECONDS + " s; log:\n" + log());
        return null;
    }

    String log() {
        StringBuilder b = new StringBuilder();
        client.logs.forEach(m -> b.append(m.getType()).append(": ").append(m.getMessage()).append('\n'));
        return b.toString();
    }

    void shutdownAndExit() throws Exception {
        server.shutdown().get(WAIT_SECONDS, TimeUnit.SECONDS);
        server.exit();
    }

    private static final class Recorder implements LanguageClient {
        private final Map<String, BlockingQueue<PublishDiagnosticsParams>> published = new ConcurrentHashMap<>();
        private final List<MessageParams> logs = new CopyOnWriteArrayList<>();

        BlockingQueue<PublishDiagnosticsParams> queue(String uri) {
            return published.computeIfAbsent(uri, k -> new LinkedBlockingQueue<>());
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            queue(diagnostics.getUri()).add(diagnostics);
        }

        @Override
        public void logMessage(MessageParams message) {
            logs.add(message);
            synchronized (logs) {
                logs.notifyAll();
            }
        }

        @Override
        public void showMessage(MessageParams message) {
            logMessage(message);
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void telemetryEvent(Object object) {
        }
    }

    static void assertNoErrors(LspSession s) {
        assertTrue(s.client.logs.stream().noneMatch(m -> m.getType() == org.eclipse.lsp4j.MessageType.Error),
                () -> "errors logged:\n" + s.log());
    }
}
