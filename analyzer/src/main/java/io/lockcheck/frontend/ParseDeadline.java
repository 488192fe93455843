package io.lockcheck.frontend;

import org.eclipse.cdt.core.dom.ast.gnu.c.GCCLanguage;
import org.eclipse.cdt.core.dom.parser.ISourceCodeParser;
import org.eclipse.cdt.core.index.IIndex;
import org.eclipse.cdt.core.parser.IParserLogService;
import org.eclipse.cdt.core.parser.IParserSettings;
import org.eclipse.cdt.core.parser.IScanner;
import org.eclipse.cdt.core.parser.ParseError;
import org.eclipse.cdt.core.parser.ParserMode;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A time limit on one CDT parse. CDT can take minutes on some inputs (deep nesting, long
 * ambiguous expressions); its parser checks a cancel flag on every token it looks at, so a
 * timer that sets that flag stops it with {@link ParseError} instead of hanging the run.
 *
 * <pre>
 * try (ParseDeadline d = ParseDeadline.start(millis)) { tu = parser.parse(src); }
 * catch (ParseError e) { if (d.expired()) ... }
 * </pre>
 * The parse must run on the thread that called {@link #start}: {@link #language()} finds the
 * deadline of the current thread when CDT creates its parser.
 */
public final class ParseDeadline implements AutoCloseable {
    private static final ThreadLocal<ParseDeadline> CURRENT = new ThreadLocal<>();
    private static final ScheduledThreadPoolExecutor TIMER = timer();
    private static final GCCLanguage LANGUAGE = new Language();

    private final ScheduledFuture<?> timer;
    private ISourceCodeParser parser;
    private boolean expired;

    private ParseDeadline(long millis) {
        this.timer = TIMER.schedule(this::expire, millis, TimeUnit.MILLISECONDS);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "lockcheck-parse-deadline");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true); // most parses finish in time: drop their timers at once
        return t;
    }

    /** Starts the clock for a parse on this thread. */
    public static ParseDeadline start(long millis) {
        ParseDeadline d = new ParseDeadline(millis);
        CURRENT.set(d);
        return d;
    }

    /** CDT's GNU C language, whose parsers obey the current thread's deadline (if any). */
    public static GCCLanguage language() {
        return LANGUAGE;
    }

    /** Whether the time ran out (the parse was, or is about to be, cancelled). */
    public synchronized boolean expired() {
        return expired;
    }

    private synchronized void expire() {
        expired = true;
        if (parser != null) parser.cancel();
    }

    private synchronized void attach(ISourceCodeParser p) {
        parser = p;
        if (expired) p.cancel();
    }

    @Override
    public void close() {
        timer.cancel(false);
        if (CURRENT.get() == this) CURRENT.remove();
        synchronized (this) {
            parser = null; // the AST may live on; the parser (and its scanner) need not
        }
    }

    private static final class Language extends GCCLanguage {
        @Override
        protected ISourceCodeParser createParser(IScanner scanner, ParserMode mode, IParserLogService log, IIndex index) {
            return attached(super.createParser(scanner, mode, log, index));
        }

        @Override
        protected ISourceCodeParser createParser(IScanner scanner, ParserMode mode, IParserLogService log, IIndex index,
                                                 int options, IParserSettings settings) {
            return attached(super.createParser(scanner, mode, log, index, options, settings));
        }

        private static ISourceCodeParser attached(ISourceCodeParser p) {
            ParseDeadline d = CURRENT.get();
            if (d != null) d.attach(p);
            return p;
        }
    }
}
