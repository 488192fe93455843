package io.lockcheck.cli;

import io.lockcheck.Analyzer;
import io.lockcheck.AnalyzerOptions;
import io.lockcheck.guard.Guard;
import io.lockcheck.guard.StructDef;
import io.lockcheck.guard.TypeTable;
import io.lockcheck.report.AtomicOutput;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Notification;
import io.lockcheck.spec.Spec;
import io.lockcheck.spec.SpecError;
import io.lockcheck.spec.SpecLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code lockcheck guards PATH...}: the guard of every struct field the run knows (annotated,
 * from a spec, or inferred from how the code writes it), with its evidence, as a lock spec a
 * maintainer can review and commit, or as {@code __guarded_by()} lines for Clang's context analysis.
 */
@Command(name = "guards",
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.class,
        description = {"Print the guards lockcheck knows or infers for struct fields, with evidence:",
                "as a lock spec (YAML, for --spec) or as __guarded_by() annotations for Clang context analysis."},
        footer = {"", "Exit codes:",
                "  0  the guards were printed",
                "  2  usage or configuration error: bad option, missing path, malformed spec",
                "  3  a file could not be analysed (named on stderr; its guards are missing)",
                "When several apply the first of 2, 3 wins."})
final class GuardsCommand implements Callable<Integer> {
    /** How the guards are printed. */
    enum Format {
        YAML, ANNOTATIONS;

        static final class Converter implements ITypeConverter<Format> {
            @Override
            public Format convert(String value) {
                for (Format f : values()) {
                    if (f.name().equalsIgnoreCase(value)) return f;
                }
                throw new TypeConversionException("expected yaml or annotations but was '" + value + "'");
            }
        }
    }

    private final PrintStream outStream;

    @picocli.CommandLine.Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "C files or directories.")
    private List<Path> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml", converter = Format.Converter.class,
            description = "yaml (a lock spec) or annotations (__guarded_by() lines); default: ${DEFAULT-VALUE}.")
    private Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (replaced atomically) instead of stdout.")
    private Path output;


    @Mixin
    private AnalysisOptions analysis = new AnalysisOptions();

    GuardsCommand(PrintStream outStream) {
        this.outStream = outStream;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AnalyzerOptions options = analysis.toOptions(spec, Set.of());
        Map<String, String> declaredIn;
        try {
            declaredIn = specProvenance();
        } catch (SpecError e) {
            err.println(e.oneLine());
            return ExitCodes.USAGE;
        }
        int exit = ExitCodes.OK;
        List<Path> existing = new ArrayList<>();
        for (Path p : paths) {
            if (Files.exists(p)) {
                existing.add(p);
            } else {
                err.println("lockcheck: error: no such file or directory: " + p);
                exit = ExitCodes.USAGE;
            }
        }
        List<Notification> notes = new ArrayList<>();
        Analyzer.Run run = new Analyzer(List.of(), options).run(existing, notes); // guards do not need rules
        List<Guard> guards = new ArrayList<>(run.facts().guards().guards().all());
        guards.sort(Comparator.comparing(Guard::struct).thenComparing(Guard::field));
        java.util.Set<String> used = new java.util.TreeSet<>();
        for (var f : run.functions()) {
            for (String t : f.types().values()) {
                String s = TypeTable.structName(t);
                if (s != null) used.add(s);
            }
        }
        Listing listing = new Listing(run.facts().guards().types(), declaredIn, used,
                run.facts().guards().bindings().all());
        String text = format == Format.YAML ? listing.yaml(guards) : listing.annotations(guards);
        try {
            if (output != null) {
                AtomicOutput.write(output, w -> w.write(text));
            } else {
                Writer w = new OutputStreamWriter(outStream, StandardCharsets.UTF_8);
                w.write(text);
                w.flush(); // not close: that would close stdout
            }
        } catch (IOException e) {
            err.println("lockcheck: error: cannot write " + (output == null ? "the guards" : output) + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        // stdout is the spec: problems go to stderr, parse notes only as a count (check lists them)
        notes.stream().filter(n -> n.level() != Level.NOTE).sorted().forEach(err::println);
        long parseNotes = notes.stream().filter(n -> n.level() == Level.NOTE).count();
        if (parseNotes > 0) {
            err.println("lockcheck: " + parseNotes + " files have parse problems; guards inferred from them may be missing");
        }
        boolean failed = notes.stream().anyMatch(n -> n.level() == Level.ERROR);
        return ExitCodes.worst(exit, failed ? ExitCodes.ANALYSIS_FAILED : ExitCodes.OK);
    }

    /** struct.field -> where its spec entry comes from: a --spec file and line, or a built-in pack. */
    private Map<String, String> specProvenance() throws SpecError {
        Map<String, String> where = new TreeMap<>();
        for (Path p : analysis.specFiles) {
            for (Spec.FieldGuard g : SpecLoader.load(p).fields()) {
                where.putIfAbsent(g.struct() + "." + g.field(), p + (g.mark() == null ? "" : ":" + g.mark().line()));
            }
        }
        for (String b : Analyzer.BUILTIN_SPECS) {
            for (Spec.FieldGuard g : SpecLoader.builtin(b).fields()) {
                where.putIfAbsent(g.struct() + "." + g.field(), Listing.BUILTIN + b);
            }
        }
        return where;
    }

    /** Renders guards as a lock spec or as annotation lines; pure, for a sorted list. */
    /**
     * {@code used}: structs the analysed code declares variables of; {@code bindings}: lock
     * bindings found in it (typed target -> typed lock), the evidence that objects share a lock.
     */
    record Listing(TypeTable types, Map<String, String> declaredIn, java.util.Set<String> used,
                   Map<String, String> bindings) {
        static final String BUILTIN = "built-in spec pack ";
        /** What a spec's guarded_by accepts: a path of fields and numeric indexes, or a global. */
        private static final String SPEC_PATH = "(global )?[A-Za-z_]\\w*((->|\\.)[A-Za-z_]\\w*|\\[\\d+])*";

        String yaml(List<Guard> all) {
            StringBuilder b = new StringBuilder();
            b.append("# Guards of struct fields found by 'lockcheck guards'. Review every entry, then commit\n")
                    .append("# this file and pass it to 'lockcheck check --spec FILE'.\n");
            List<Guard> guards = shown(all, b, "# ");
            if (!bindings.isEmpty()) {
                b.append("# Lock bindings found in the code (drm_gem_lru_init() and the like): these locks are one.\n");
                bindings.forEach((t, v) -> b.append("#   ").append(t).append(" is ").append(v).append('\n'));
            }
            b.append("version: 1\n");
            StringBuilder entries = new StringBuilder();
            boolean any = false;
            for (Guard g : guards) {
                entries.append("  # ").append(provenance(g)).append('\n');
                String entry = "- field: " + quoted(g.key()) + "\n  guarded_by: " + quoted(g.lockText()) + "\n";
                String why = g.typed() != null ? "a lock known only by its type cannot be written in a spec"
                        : !g.lockText().matches(SPEC_PATH) ? "a spec path has only fields and numeric indexes"
                        : builtin(g) ? "already in the " + declaredIn.get(g.key()).substring(BUILTIN.length())
                        + " built-in spec pack" : null;
                if (why != null) entries.append("  # (not an entry: ").append(why).append(")\n");
                String indent = why != null ? "  # " : "  ";
                entry.lines().forEach(l -> entries.append(indent).append(l).append('\n'));
                any |= why == null;
            }
            return b.append(any ? "fields:\n" : "fields: []\n").append(entries).toString();
        }

        String annotations(List<Guard> all) {
            StringBuilder b = new StringBuilder();
            b.append("// __guarded_by() annotations for Clang context analysis, found by 'lockcheck guards'.\n")
                    .append("// Paste each line into the definition of its struct; '//' lines cannot be written so.\n");
            List<Guard> guards = shown(all, b, "// ");
            for (Guard g : guards) {
                String lock = g.global() != null ? "&" + g.global() : g.relative() != null ? lockOperand(g) : null;
                if (lock == null) {
                    String by = g.relative() != null
                            ? "'" + g.lockText() + "', which is not a member of the struct: context analysis cannot express it"
                            : g.typed() != null ? "a lock of type '" + g.typed() + "' (no instance known)" : "an unknown lock";
                    b.append("// struct ").append(g.struct()).append(": ").append(g.field()).append(" is guarded by ")
                            .append(by).append("  // ").append(provenance(g)).append('\n');
                    continue;
                }
                String line = "struct " + g.struct() + ": " + declaration(g) + " __" + (g.pointee() ? "pt_" : "")
                        + "guarded_by(" + lock + ");  // " + provenance(g) + (g.relative() != null && lockType(g) == null
                        ? "; '&' assumes '" + g.relative() + "' is not a pointer (its type is unknown)" : "");
                b.append(g.source() == Guard.Source.ANNOTATION ? "// already annotated: " + line : line).append('\n');
            }
            return b.toString();
        }

        /**
         * The guards to list: built-in pack entries only for structs defined in the analysed code
         * (else every run would repeat the pack); the others are counted in a comment.
         */
        private List<Guard> shown(List<Guard> all, StringBuilder b, String comment) {
            List<Guard> out = all.stream().filter(g -> !builtin(g) || types.definitions().containsKey(g.struct())
                    || used.contains(g.struct())).toList();
            if (out.size() < all.size()) {
                b.append(comment).append(all.size() - out.size())
                        .append(" guards from built-in spec packs, for structs the analysed code does not use, are not listed.\n");
            }
            return out;
        }

        /** The field as declared, when its type is known: {@code long count}, {@code struct foo *next}. */
        private String declaration(Guard g) {
            String type = types.fieldType(g.struct(), g.field());
            if (type == null) return "/* type unknown */ " + g.field();
            return type.endsWith("*") ? type + g.field() : type + " " + g.field();
        }

        /**
         * The argument of {@code __guarded_by()} for a lock inside the struct: {@code &lock} for a
         * member, {@code lock} for a pointer member, {@code &inner.lock} for an embedded struct's.
         * Null when the path goes through a pointer ({@code lru->lock}).
         */
        private String lockOperand(Guard g) {
            if (g.relative().segments().stream().anyMatch(s -> !s.startsWith("."))) return null;
            String type = lockType(g);
            return (type != null && type.endsWith("*") ? "" : "&") + g.relative();
        }

        /** The declared type of a relative guard's lock member, or null when unknown. */
        private String lockType(Guard g) {
            String type = types.fieldType(g.struct(), g.relative().root());
            for (String s : g.relative().segments()) {
                type = type == null ? null : types.fieldType(TypeTable.structName(type), s.substring(1));
            }
            return type;
        }

        private boolean builtin(Guard g) {
            String where = declaredIn.get(g.key());
            return g.source() == Guard.Source.SPEC && where != null && where.startsWith(BUILTIN);
        }

        /** Where the guard comes from and why: one line, for a comment. */
        String provenance(Guard g) {
            String text = switch (g.source()) {
                case ANNOTATION -> "annotation: " + g.evidence() + annotationSite(g);
                case SPEC -> "spec: " + declaredIn.getOrDefault(g.key(), g.evidence());
                case INFERENCE -> "inferred: " + g.evidence();
            };
            return text.replaceAll("[\\r\\n]+", " ");
        }

        private String annotationSite(Guard g) {
            StructDef d = types.definitions().get(g.struct());
            StructDef.Field f = d == null ? null : d.fields().get(g.field());
            if (f == null || d.origin().isEmpty() || f.annotations().isEmpty()) return "";
            return " (" + d.origin() + ":" + f.annotations().get(0).line() + ")";
        }

        /** A YAML scalar: plain when that reads back as the same string, else double-quoted. */
        static String quoted(String s) {
            if (s.matches("[A-Za-z_]([A-Za-z0-9_.\\->\\[\\] ]*[A-Za-z0-9_\\]])?")
                    && !s.matches("(?i)y|n|yes|no|on|off|true|false|null")) {
                return s;
            }
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
