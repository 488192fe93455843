package io.lockcheck.cli;

import io.lockcheck.report.Baseline;
import io.lockcheck.report.ColumnUnit;
import io.lockcheck.rule.AnalysisResult;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code check} does with a result before writing it: leave out what a baseline already
 * has, count columns in the unit asked for, and the SARIF extras for GitHub code scanning.
 */
final class ResultOptions {
    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report only findings that are not in FILE, an earlier 'check --format sarif' log "
                    + "(matched by fingerprint, so moved code stays known).")
    Path baselineFile;

    @Option(names = "--column-unit", paramLabel = "UNIT", defaultValue = "char", converter = UnitConverter.class,
            description = "Columns in the text and gcc reports: char (UTF-16 code units, as in SARIF) or display "
                    + "(a tab advances to the next multiple of 8, as gcc's -fdiagnostics-column-unit=display) "
                    + "(default: char). SARIF columns are always UTF-16 code units.")
    ColumnUnit columnUnit;

    @Option(names = "--include-suppressed",
            description = "SARIF: also write the findings that 'lockcheck: ignore' comments suppress, each with its "
                    + "in-source suppression and reason. GitHub code scanning ignores suppressions: do not upload such a log.")
    boolean includeSuppressed;

    @Option(names = "--category", paramLabel = "NAME",
            description = "SARIF: set runAutomationDetails.id to NAME/, GitHub code scanning's category for this analysis "
                    + "(needed when one commit gets several lockcheck uploads).")
    String category;

    private Baseline baseline;

    /** Reads the baseline, before the analysis: an unusable one is a configuration error (one line on err). */
    boolean readable(PrintWriter err) {
        if (baselineFile == null) {
            return true;
        }
        try {
            baseline = Baseline.read(baselineFile);
            return true;
        } catch (Baseline.Unusable e) {
            err.println("lockcheck: error: " + e.getMessage());
            return false;
        }
    }

    /** The result as the report shows it: without baseline findings, columns in the unit asked for (SARIF keeps UTF-16). */
    AnalysisResult shown(AnalysisResult result, OutputFormat format) {
        AnalysisResult r = baseline == null ? result : baseline.filter(result);
        return format == OutputFormat.SARIF ? r : columnUnit.apply(r);
    }

    static final class UnitConverter implements ITypeConverter<ColumnUnit> {
        @Override
        public ColumnUnit convert(String value) {
            try {
                return ColumnUnit.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected char or display but was '" + value + "'");
            }
        }
    }
}
