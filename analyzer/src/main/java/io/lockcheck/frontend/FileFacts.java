package io.lockcheck.frontend;

import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Notification;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one file contributes to a run once its AST is gone: its lowered functions, what went
 * wrong, and counts for the parse-fidelity metric.
 */
public record FileFacts(Path file, List<FunctionUnit> functions, List<io.lockcheck.guard.StructDef> structs,
                        List<Notification> notifications, int lines, boolean failed) {

    public int functionsWithProblems() {
        return (int) functions.stream().filter(FunctionUnit::hasProblems).count();
    }

    /** Reads, parses and lowers one file; never throws (failures become notifications). */
    public static FileFacts of(Path file, CParser parser, long maxBytes) {
        return of(file, parser, maxBytes, Long.MAX_VALUE, null);
    }

    /** As above, with CDT's parse of the file cut short after {@code parseMillis}. */
    public static FileFacts of(Path file, CParser parser, long maxBytes, long parseMillis) {
        return of(file, parser, maxBytes, parseMillis, null);
    }

    /** Where facts of files already parsed are kept, by the file's exact bytes (the incremental cache). */
    public interface Store {
        /** The facts of a file with these bytes, or null. */
        FileFacts find(Path file, byte[] bytes);

        /** The facts of a file the store already knows unchanged without reading it, or null. */
        default FileFacts find(Path file) {
            return null;
        }

        void keep(Path file, byte[] bytes, FileFacts facts);
    }

    /**
     * As above, with CDT's parse of the file cut short after {@code parseMillis}, answered from
     * {@code store} (may be null) when it knows the bytes.
     */
    public static FileFacts of(Path file, CParser parser, long maxBytes, long parseMillis, Store store) {
        List<Notification> notes = new ArrayList<>();
        ParseLimit limit = null;
        try {
            String skip = InputLimits.skipReason(file, maxBytes);
            if (skip != null) {
                notes.add(new Notification(Level.WARNING, file, skip));
                return new FileFacts(file, List.of(), List.of(), notes, 0, false);
            }
            FileFacts known = store == null ? null : store.find(file);
            if (known != null) return known;
            byte[] bytes = java.nio.file.Files.readAllBytes(file);
            known = store == null ? null : store.find(file, bytes);
            if (known != null) return known;
            SourceText src = SourceText.of(file, bytes);
            String bomb = MacroSizes.overLimit(src.chars(), InputLimits.MAX_TOKENS);
            if (bomb != null) {
                notes.add(new Notification(Level.WARNING, file, InputLimits.macroMessage(bomb)));
                return new FileFacts(file, List.of(), List.of(), notes, 0, false);
            }
            limit = ParseLimit.start(parseMillis, InputLimits.MAX_TOKENS);
            var tu = parser.parse(src);
            limit.close();
            Lowering lowering = new Lowering(src);
            List<FunctionUnit> fns = lowering.functions(tu);
            List<io.lockcheck.guard.StructDef> structs = lowering.structs(tu);
            long bad = fns.stream().filter(FunctionUnit::hasProblems).count();
            if (fns.isEmpty() && tu.getDeclarations().length > 0 && hasProblemDeclarations(tu)) {
                notes.add(new Notification(Level.WARNING, file, "no function could be parsed; is this C?"));
            } else if (bad > 0) {
                notes.add(new Notification(Level.NOTE, file, bad + " of " + fns.size()
                        + " functions have parse problems; findings in them may be incomplete"));
            }
            FileFacts facts = new FileFacts(file, fns, structs, notes, src.lineCount(), false);
            if (store != null) store.keep(file, bytes, facts);
            return facts;
        } catch (SourceText.NotText e) {
            notes.add(new Notification(Level.WARNING, file, "not a C source file: " + e.getMessage()));
        } catch (java.nio.file.NoSuchFileException e) {
            notes.add(new Notification(Level.ERROR, file, "no such file"));
        } catch (java.nio.file.AccessDeniedException e) {
            notes.add(new Notification(Level.ERROR, file, "permission denied"));
        } catch (java.io.IOException e) {
            notes.add(new Notification(Level.ERROR, file, "cannot read: " + SourceSet.message(e)));
        } catch (StackOverflowError e) {
            notes.add(new Notification(Level.ERROR, file, "nesting too deep to analyse (stack overflow); file skipped"));
        } catch (OutOfMemoryError e) {
            notes.add(new Notification(Level.ERROR, file, "out of memory while analysing; file skipped"));
        } catch (org.eclipse.cdt.core.parser.ParseError e) {
            if (limit == null || limit.exceeded() == null) {
                notes.add(new Notification(Level.ERROR, file, "internal error while parsing: " + e));
            } else {
                notes.add(new Notification(Level.WARNING, file, InputLimits.message(limit.exceeded(), parseMillis)));
                return new FileFacts(file, List.of(), List.of(), notes, 0, false);
            }
        } catch (Exception | LinkageError | AssertionError e) {
            notes.add(new Notification(Level.ERROR, file, "internal error while analysing: " + e));
        } finally {
            if (limit != null) limit.close();
        }
        return new FileFacts(file, List.of(), List.of(), notes, 0, true);
    }

    private static boolean hasProblemDeclarations(org.eclipse.cdt.core.dom.ast.IASTTranslationUnit tu) {
        for (var d : tu.getDeclarations()) {
            if (d instanceof org.eclipse.cdt.core.dom.ast.IASTProblemDeclaration) return true;
        }
        return false;
    }
}
