package io.lockcheck.report;

import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.Result;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.text.SimpleDateFormat;
import java.util.Locale;
import java.util.TimeZone;

/** How the SARIF SDK's objects become bytes: stable, pretty-printed, with every level written. */
final class SarifJson {
    private SarifJson() {
    }

    static ObjectWriter writer() {
        // SARIF's date-time form; only used for the optional invocation start time.
        SimpleDateFormat utc = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);
        utc.setTimeZone(TimeZone.getTimeZone("UTC"));
        // The SDK's classes are @JsonInclude(NON_DEFAULT) and start with the schema's defaults:
        // unset properties are left out, and empty lists (default null) are kept, so a clean run
        // still says "results": []. But a level equal to the default "warning" would be dropped,
        // and SARIF then takes the rule's default level instead: levels are always written.
        JsonMapper mapper = JsonMapper.builder()
                .addMixIn(Result.class, ExplicitLevel.class)
                .addMixIn(ReportingConfiguration.class, ExplicitLevel.class)
                .addMixIn(Notification.class, ExplicitLevel.class)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .defaultDateFormat(utc)
                // The SDK keeps property bags in HashMaps: sort them so output is byte-stable.
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                // The caller owns the writer (it may be stdout).
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
        DefaultIndenter lines = new DefaultIndenter("  ", "\n"); // "\n" on every OS, for stable bytes
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("")
                        .withObjectEmptySeparator(""));
        pretty.indentObjectsWith(lines);
        pretty.indentArraysWith(lines);
        return mapper.writer(pretty);
    }

    /** Mixed into the SDK classes that have a level, to write it even when it is the default. */
    private abstract static class ExplicitLevel {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Object getLevel();
    }
}
