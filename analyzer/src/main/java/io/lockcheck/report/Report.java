package io.lockcheck.report;

import io.lockcheck.rule.AnalysisResult;

import java.io.IOException;
import java.io.Writer;

/** Renders one run's result in one output format. Implementations flush but never close {@code out}. */
public interface Report {
    void write(AnalysisResult result, ReportOptions opts, Writer out) throws IOException;
}
