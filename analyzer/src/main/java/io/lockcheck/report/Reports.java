package io.lockcheck.report;

/** The report formats by the names {@code --format} accepts. */
public final class Reports {
    private Reports() {
    }

    public static Report forFormat(String name) {
        return switch (name == null ? "" : name) {
            case "text" -> new TextReport();
            case "gcc" -> new GccReport();
            case "sarif" -> new SarifReport();
            default -> throw new IllegalArgumentException(
                    "unknown report format '" + name + "' (expected text, gcc or sarif)");
        };
    }
}
