package io.lockcheck.frontend;

import org.eclipse.cdt.core.dom.ast.IMacroBinding;
import org.eclipse.cdt.core.dom.ast.gnu.c.GCCLanguage;
import org.eclipse.cdt.core.dom.parser.ISourceCodeParser;
import org.eclipse.cdt.core.index.IIndex;
import org.eclipse.cdt.core.parser.EndOfFileException;
import org.eclipse.cdt.core.parser.IParserLogService;
import org.eclipse.cdt.core.parser.IParserSettings;
import org.eclipse.cdt.core.parser.IScanner;
import org.eclipse.cdt.core.parser.IToken;
import org.eclipse.cdt.core.parser.IncludeExportPatterns;
import org.eclipse.cdt.core.parser.OffsetLimitReachedException;
import org.eclipse.cdt.core.parser.ParseError;
import org.eclipse.cdt.core.parser.ParserMode;
import org.eclipse.cdt.internal.core.parser.scanner.ILocationResolver;

import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Limits on one CDT parse: time and tokens. CDT can take minutes on some inputs (deep nesting,
 * long ambiguous expressions); its parser checks a cancel flag on every token it looks at, so a
 * timer that sets that flag stops it with {@link ParseError} instead of hanging the run. The AST
 * is what fills a worker's memory (a few hundred bytes per token), and macros can multiply a
 * file's tokens, so the tokens the preprocessor hands to the parser are counted too.
 *
 * <pre>
 * try (ParseLimit limit = ParseLimit.start(millis, tokens)) { tu = parser.parse(src); }
 * catch (ParseError e) { if (limit.exceeded() != null) ... }
 * </pre>
 * The parse must run on the thread that called {@link #start}: {@link #language()} finds the
 * limit of the current thread when CDT creates its parser.
 */
public final class ParseLimit implements AutoCloseable {
    /** Which limit stopped the parse. */
    public enum Exceeded { TIME, TOKENS }

    private static final ThreadLocal<ParseLimit> CURRENT = new ThreadLocal<>();
    private static final ScheduledThreadPoolExecutor TIMER = timer();
    private static final GCCLanguage LANGUAGE = new Language();

    private final ScheduledFuture<?> timer;
    private final long maxTokens;
    private ISourceCodeParser parser;
    private volatile Exceeded exceeded;

    private ParseLimit(long millis, long maxTokens) {
        this.maxTokens = maxTokens;
        this.timer = TIMER.schedule(this::expire, millis, TimeUnit.MILLISECONDS);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "lockcheck-parse-limit");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true); // most parses finish in time: drop their timers at once
        return t;
    }

    /** Starts the clock and the token count for a parse on this thread. */
    public static ParseLimit start(long millis, long maxTokens) {
        ParseLimit d = new ParseLimit(millis, maxTokens);
        CURRENT.set(d);
        return d;
    }

    /** CDT's GNU C language, whose parsers obey the current thread's limit (if any). */
    public static GCCLanguage language() {
        return LANGUAGE;
    }

    /** The limit that stopped the parse, or null. */
    public Exceeded exceeded() {
        return exceeded;
    }

    private synchronized void expire() {
        if (exceeded == null) exceeded = Exceeded.TIME;
        if (parser != null) parser.cancel();
    }

    private synchronized void attach(ISourceCodeParser p) {
        parser = p;
        if (exceeded != null) p.cancel();
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
            ParseLimit limit = CURRENT.get();
            return limit == null ? super.createParser(scanner, mode, log, index)
                    : attached(limit, super.createParser(new Counting(scanner, limit), mode, log, index));
        }

        @Override
        protected ISourceCodeParser createParser(IScanner scanner, ParserMode mode, IParserLogService log, IIndex index,
                                                 int options, IParserSettings settings) {
            ParseLimit limit = CURRENT.get();
            return limit == null ? super.createParser(scanner, mode, log, index, options, settings)
                    : attached(limit, super.createParser(new Counting(scanner, limit), mode, log, index, options, settings));
        }

        private static ISourceCodeParser attached(ParseLimit limit, ISourceCodeParser p) {
            limit.attach(p);
            return p;
        }
    }

    /** The preprocessor, with the tokens it hands to the parser counted against the limit. */
    private static final class Counting implements IScanner {
        private final IScanner scanner;
        private final ParseLimit limit;
        private long tokens;

        Counting(IScanner scanner, ParseLimit limit) {
            this.scanner = scanner;
            this.limit = limit;
        }

        @Override
        public IToken nextToken() throws EndOfFileException {
            if (++tokens > limit.maxTokens) {
                limit.exceeded = Exceeded.TOKENS;
                throw new ParseError(ParseError.ParseErrorKind.TIMEOUT_OR_CANCELLED);
            }
            return scanner.nextToken();
        }

        @Override
        public Map<String, IMacroBinding> getMacroDefinitions() {
            return scanner.getMacroDefinitions();
        }

        @Override
        public boolean isOnTopContext() {
            return scanner.isOnTopContext();
        }

        @Override
        public void cancel() {
            scanner.cancel();
        }

        @Override
        public ILocationResolver getLocationResolver() {
            return scanner.getLocationResolver();
        }

        @Override
        public void setContentAssistMode(int offset) {
            scanner.setContentAssistMode(offset);
        }

        @Override
        public void setSplitShiftROperator(boolean val) {
            scanner.setSplitShiftROperator(val);
        }

        @Override
        public void setComputeImageLocations(boolean val) {
            scanner.setComputeImageLocations(val);
        }

        @Override
        public void setTrackIncludeExport(IncludeExportPatterns patterns) {
            scanner.setTrackIncludeExport(patterns);
        }

        @Override
        public void setProcessInactiveCode(boolean val) {
            scanner.setProcessInactiveCode(val);
        }

        @Override
        public void skipInactiveCode() throws OffsetLimitReachedException {
            scanner.skipInactiveCode();
        }

        @Override
        public int getCodeBranchNesting() {
            return scanner.getCodeBranchNesting();
        }

        @Override
        public char[] getAdditionalNumericLiteralSuffixes() {
            return scanner.getAdditionalNumericLiteralSuffixes();
        }

        @Override
        public void setScanComments(boolean val) {
            scanner.setScanComments(val);
        }
    }
}
