package io.lockcheck.report;

import com.contrastsecurity.sarif.ArtifactChange;
import com.contrastsecurity.sarif.ArtifactContent;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.CodeFlow;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.LogicalLocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.Replacement;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.ThreadFlow;
import com.contrastsecurity.sarif.ThreadFlowLocation;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.RuleInfo;
import io.lockcheck.rule.Stats;
import io.lockcheck.rule.Step;
import io.lockcheck.rule.SuppressedFinding;
import io.lockcheck.rule.ThreadTrace;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0 for GitHub code scanning, IDE viewers and baselines. The only class that builds
 * the SARIF SDK's objects ({@link SarifJson} serializes them). Output is deterministic: no
 * timestamps unless {@link ReportOptions#startTime()} is set, every set and map in a fixed order.
 * Cut to GitHub's limits by {@link GitHubLimits}.
 */
public final class SarifReport implements Report {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";

    private static final ObjectWriter JSON = SarifJson.writer();

    @Override
    public void write(AnalysisResult result, ReportOptions opts, Writer out) throws IOException {
        // GitHub code scanning ignores "suppressions" and would show suppressed results as alerts
        AnalysisResult shown = GitHubLimits.CODE_SCANNING.apply(
                opts.includeSuppressed() ? result : result.withSuppressed(List.of()));
        SarifSchema210 log = new SarifSchema210()
                .with$schema(URI.create(SCHEMA))
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(new RunTranslation(shown, opts).run()));
        JSON.writeValue(out, log);
        out.write("\n");
        out.flush();
    }

    /** One analysis result as one SARIF run, with the rule and artifact indexes results point into. */
    private static final class RunTranslation {
        private final AnalysisResult result;
        private final ReportOptions opts;
        private final Map<String, Integer> ruleIndex = new HashMap<>();
        private final Map<ArtifactUri, Integer> artifactIndex = new HashMap<>();
        private final List<ArtifactUri> artifacts;

        RunTranslation(AnalysisResult result, ReportOptions opts) {
            this.result = result;
            this.opts = opts;
            for (RuleInfo r : result.rules()) {
                ruleIndex.putIfAbsent(r.id(), ruleIndex.size());
            }
            this.artifacts = List.copyOf(ArtifactUri.referencedBy(result, opts.srcroot()));
            for (ArtifactUri a : artifacts) {
                artifactIndex.put(a, artifactIndex.size());
            }
        }

        Run run() {
            Run run = new Run()
                    .withTool(new Tool().withDriver(driver()))
                    .withInvocations(List.of(invocation()))
                    .withArtifacts(artifactList())
                    .withResults(results())
                    .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS)
                    .withProperties(statsProperties(result.stats()));
            if (opts.srcroot() != null) {
                run.withOriginalUriBaseIds(new OriginalUriBaseIds().withAdditionalProperty(SRCROOT,
                        new ArtifactLocation().withUri(ArtifactUri.baseUri(opts.srcroot()))));
            }
            if (opts.category() != null) {
                // GitHub takes everything before the last '/' as the category (as upload-sarif's own category input does)
                String id = opts.category().endsWith("/") ? opts.category() : opts.category() + "/";
                run.withAutomationDetails(new RunAutomationDetails().withId(id));
            }
            return run;
        }

        private ToolComponent driver() {
            Set<ReportingDescriptor> rules = new LinkedHashSet<>();
            for (RuleInfo r : result.rules()) {
                rules.add(descriptor(r));
            }
            ToolComponent driver = new ToolComponent().withName("lockcheck").withRules(rules);
            if (opts.toolVersion() != null) {
                driver.withVersion(opts.toolVersion()).withSemanticVersion(opts.toolVersion());
            }
            return opts.informationUri() == null ? driver : driver.withInformationUri(opts.informationUri());
        }

        private static ReportingDescriptor descriptor(RuleInfo r) {
            PropertyBag props = new PropertyBag()
                    .withAdditionalProperty("precision", r.precision())
                    .withAdditionalProperty("problem.severity", r.defaultLevel() == Level.NOTE ? "recommendation" : r.defaultLevel().word());
            if (!r.tags().isEmpty()) {
                props.withTags(new LinkedHashSet<>(r.tags()));
            }
            return new ReportingDescriptor()
                    .withId(r.id())
                    .withName(r.name())
                    .withShortDescription(new MultiformatMessageString().withText(r.shortDescription()))
                    .withFullDescription(new MultiformatMessageString().withText(r.fullDescription()))
                    .withHelp(new MultiformatMessageString().withText(r.helpText()).withMarkdown(r.helpMarkdown()))
                    .withDefaultConfiguration(new ReportingConfiguration()
                            .withLevel(ReportingConfiguration.Level.fromValue(r.defaultLevel().word())))
                    .withProperties(props);
        }

        private Invocation invocation() {
            List<com.contrastsecurity.sarif.Notification> notes = new ArrayList<>();
            boolean successful = true;
            for (io.lockcheck.rule.Notification n : result.notifications()) {
                successful &= n.level() != Level.ERROR;
                var note = new com.contrastsecurity.sarif.Notification()
                        .withLevel(com.contrastsecurity.sarif.Notification.Level.fromValue(n.level().word()))
                        .withMessage(text(n.message()));
                if (n.file() != null) {
                    PhysicalLocation file = new PhysicalLocation().withArtifactLocation(artifactLocation(n.file()));
                    Set<com.contrastsecurity.sarif.Location> where = new LinkedHashSet<>();
                    where.add(new com.contrastsecurity.sarif.Location().withPhysicalLocation(
                            n.line() > 0 ? file.withRegion(new Region().withStartLine(n.line())) : file));
                    note.withLocations(where);
                }
                notes.add(note);
            }
            Invocation inv = new Invocation().withExecutionSuccessful(successful).withToolExecutionNotifications(notes);
            return opts.startTime() == null ? inv : inv.withStartTimeUtc(Date.from(opts.startTime()));
        }

        private List<Result> results() {
            List<Result> results = new ArrayList<>();
            for (Finding f : result.findings()) {
                results.add(result(f));
            }
            for (SuppressedFinding s : result.suppressed()) {
                Set<Suppression> why = new LinkedHashSet<>();
                why.add(new Suppression().withKind(Suppression.Kind.IN_SOURCE).withJustification(s.justification())
                        .withLocation(location(s.comment(), null)));
                results.add(result(s.finding()).withSuppressions(why));
            }
            return results;
        }

        private Result result(Finding f) {
            var primary = location(f.location(), null);
            if (f.function() != null) {
                Set<LogicalLocation> fn = new LinkedHashSet<>();
                fn.add(new LogicalLocation().withName(f.function()).withKind("function"));
                primary.withLogicalLocations(fn);
            }
            Result r = new Result()
                    .withRuleId(f.ruleId())
                    .withLevel(Result.Level.fromValue(f.level().word()))
                    .withMessage(text(f.message()))
                    .withLocations(List.of(primary));
            if (ruleIndex.containsKey(f.ruleId())) {
                r.withRuleIndex(ruleIndex.get(f.ruleId())); // never null: the SDK would write "ruleIndex": null
            }
            if (!f.related().isEmpty()) {
                Set<com.contrastsecurity.sarif.Location> related = new LinkedHashSet<>();
                for (Step s : f.related()) {
                    related.add(location(s.location(), s.message()).withId(related.size() + 1));
                }
                r.withRelatedLocations(related);
            }
            if (!f.flow().isEmpty()) {
                r.withCodeFlows(List.of(codeFlow(f.flow())));
            }
            if (f.fix() != null) {
                Set<com.contrastsecurity.sarif.Fix> fixes = new LinkedHashSet<>();
                fixes.add(fix(f.fix()));
                r.withFixes(fixes);
            }
            if (f.fingerprint() != null) {
                r.withPartialFingerprints(new PartialFingerprints().withAdditionalProperty("primaryLocationLineHash", f.fingerprint()));
            }
            if (!f.properties().isEmpty()) {
                PropertyBag props = new PropertyBag();
                f.properties().forEach(props::withAdditionalProperty);
                r.withProperties(props);
            }
            return r;
        }

        /**
         * One threadFlow per thread. With two or more threads the steps carry executionOrder,
         * numbered across threads in the order the traces list them, so viewers can replay the
         * interleaving of a race.
         */
        private CodeFlow codeFlow(List<ThreadTrace> traces) {
            List<ThreadFlow> flows = new ArrayList<>();
            int order = 1;
            for (int t = 0; t < traces.size(); t++) {
                ThreadTrace trace = traces.get(t);
                List<ThreadFlowLocation> steps = new ArrayList<>();
                for (Step s : trace.steps()) {
                    ThreadFlowLocation step = new ThreadFlowLocation().withLocation(location(s.location(), s.message()));
                    // an explicit interleaving (race witness) wins over list order
                    steps.add(traces.size() > 1 ? step.withExecutionOrder(s.order() > 0 ? s.order() : order) : step);
                    order++;
                }
                flows.add(new ThreadFlow()
                        .withId(TextReport.threadLetter(t))
                        .withMessage(text(TextReport.threadLabel(t, trace)))
                        .withLocations(steps));
            }
            return new CodeFlow().withThreadFlows(flows);
        }

        private com.contrastsecurity.sarif.Fix fix(io.lockcheck.rule.Fix fix) {
            Replacement replacement = new Replacement()
                    .withDeletedRegion(region(fix.region()))
                    .withInsertedContent(new ArtifactContent().withText(fix.replacement()));
            Set<ArtifactChange> changes = new LinkedHashSet<>();
            changes.add(new ArtifactChange()
                    .withArtifactLocation(artifactLocation(fix.region().file()))
                    .withReplacements(List.of(replacement)));
            return new com.contrastsecurity.sarif.Fix().withDescription(text(fix.description())).withArtifactChanges(changes);
        }

        private com.contrastsecurity.sarif.Location location(io.lockcheck.rule.Location l, String message) {
            var loc = new com.contrastsecurity.sarif.Location().withPhysicalLocation(new PhysicalLocation()
                    .withArtifactLocation(artifactLocation(l.file()))
                    .withRegion(region(l)));
            return message == null ? loc : loc.withMessage(text(message));
        }

        /** SARIF regions: 1-based, end column exclusive; impossible ends are left out rather than guessed. */
        private static Region region(io.lockcheck.rule.Location l) {
            Region r = new Region().withStartLine(Math.max(1, l.line()));
            if (l.column() >= 1) {
                r.withStartColumn(l.column());
            }
            boolean endAfterStart = l.endLine() > l.line() || (l.endLine() == l.line() && l.endColumn() >= l.column());
            if (endAfterStart && l.endColumn() >= 1) {
                r.withEndLine(l.endLine()).withEndColumn(l.endColumn());
            }
            return r;
        }

        private ArtifactLocation artifactLocation(Path file) {
            ArtifactUri a = ArtifactUri.of(file, opts.srcroot());
            return artifactLocation(a).withIndex(artifactIndex.get(a));
        }

        private static ArtifactLocation artifactLocation(ArtifactUri a) {
            ArtifactLocation loc = new ArtifactLocation().withUri(a.uri());
            return a.relativeToSrcroot() ? loc.withUriBaseId(SRCROOT) : loc;
        }

        /**
         * Every file is C (sources and the headers they include): saying so lets viewers
         * highlight snippets, and keeps the list from being location-only (Multitool SARIF2004).
         */
        private Set<com.contrastsecurity.sarif.Artifact> artifactList() {
            Set<com.contrastsecurity.sarif.Artifact> list = new LinkedHashSet<>();
            for (ArtifactUri a : artifacts) {
                list.add(new com.contrastsecurity.sarif.Artifact().withLocation(artifactLocation(a)).withSourceLanguage("c"));
            }
            return list;
        }

        private static PropertyBag statsProperties(Stats s) {
            if (s == null) {
                return null;
            }
            return new PropertyBag()
                    .withAdditionalProperty("files", s.files())
                    .withAdditionalProperty("filesFailed", s.filesFailed())
                    .withAdditionalProperty("functions", s.functions())
                    .withAdditionalProperty("functionsWithProblems", s.functionsWithProblems())
                    .withAdditionalProperty("lines", s.lines())
                    .withAdditionalProperty("parseFidelity", Fidelity.floored(s, 10000) / 10000.0);
        }

        private static Message text(String s) {
            return new Message().withText(s);
        }
    }
}
