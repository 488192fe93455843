package io.lockcheck.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReportsTest {
    @Test
    void knowsTheThreeFormats() {
        assertInstanceOf(TextReport.class, Reports.forFormat("text"));
        assertInstanceOf(GccReport.class, Reports.forFormat("gcc"));
        assertInstanceOf(SarifReport.class, Reports.forFormat("sarif"));
    }

    @Test
    void unknownFormatIsAOneLineError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Reports.forFormat("xml"));
        assertEquals("unknown report format 'xml' (expected text, gcc or sarif)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Reports.forFormat(null));
        assertThrows(IllegalArgumentException.class, () -> Reports.forFormat("SARIF"));
    }
}
