package io.lockcheck.lsp;

import io.lockcheck.AnalyzerOptions;
import io.lockcheck.rule.Rule;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PositionEncodingKind;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * {@code lockcheck lsp}: a Language Server that publishes lockcheck's findings for C files as
 * diagnostics (see {@link DocumentService}). It has no settings of its own over the protocol:
 * the command line that starts it carries the analysis options, as for {@code lockcheck check}.
 */
public final class LockcheckServer implements LanguageServer, LanguageClientAware {
    private final DocumentService documents;
    private final WorkspaceService workspace = new Workspace();
    private final String version;
    private final String ready;
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private volatile boolean shutdown;
    private volatile LanguageClient client;

    public LockcheckServer(List<Rule> rules, AnalyzerOptions options, AnalysisScope scope, String version) {
        this.documents = new DocumentService(new FileAnalysis(rules, options, scope), new RuleHover(rules));
        this.version = version;
        this.ready = "lockcheck " + version + ": " + rules.size() + " rules; each file is analysed "
                + (scope == AnalysisScope.DIRECTORY ? "with the other C files of its directory" : "alone")
                + " when it is opened and when it is saved";
    }

    /**
     * Serves the protocol on {@code in} and {@code out} until the client sends {@code exit} or
     * closes the input. Returns the process exit code the protocol asks for: 0 after a
     * {@code shutdown} request, 1 without one.
     */
    public int serve(InputStream in, OutputStream out) {
        Future<Void> listening = listen(in, out);
        Thread reader = new Thread(() -> {
            try {
                listening.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // the stream broke: the client is gone, as if it had closed it
            }
            exitCode.complete(shutdown ? 0 : 1);
        }, "lockcheck-lsp-input");
        reader.setDaemon(true);
        reader.start();
        int code = exitCode.join();
        documents.close();
        return code;
    }

    /** Connects this server to a client on the given streams; the future ends with the input. */
    public Future<Void> listen(InputStream in, OutputStream out) {
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(this, in, out);
        connect(launcher.getRemoteProxy());
        return launcher.startListening();
    }

    @Override
    public void connect(LanguageClient c) {
        this.client = c;
        documents.connect(c);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.None);
        sync.setSave(new SaveOptions(false)); // the file is read from disk on save
        ServerCapabilities capabilities = new ServerCapabilities();
        capabilities.setTextDocumentSync(sync);
        capabilities.setHoverProvider(true);
        // Every client understands UTF-16 positions, and lockcheck's columns are UTF-16 units.
        capabilities.setPositionEncoding(PositionEncodingKind.UTF16);
        return CompletableFuture.completedFuture(new InitializeResult(capabilities, new ServerInfo("lockcheck", version)));
    }

    @Override
    public void initialized(InitializedParams params) {
        client.logMessage(new MessageParams(MessageType.Info, ready));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        documents.close();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exitCode.complete(shutdown ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    /** Settings and file events are not used: the command line configures the server. */
    private static final class Workspace implements WorkspaceService {
        @Override
        public void didChangeConfiguration(DidChangeConfigurationParams params) {
        }

        @Override
        public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        }
    }
}
