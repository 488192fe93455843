package io.lockcheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Notification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings of an earlier lockcheck SARIF log ({@code --baseline}), known by their
 * {@code partialFingerprints.primaryLocationLineHash}: rule, function, the code of the line and
 * what the finding is about, never the line number, so code moving up or down does not make a
 * known finding new.
 */
public final class Baseline {
    static final String FINGERPRINT = "primaryLocationLineHash";

    private final Path file;
    private final Set<String> fingerprints;

    private Baseline(Path file, Set<String> fingerprints) {
        this.file = file;
        this.fingerprints = fingerprints;
    }

    /** Thrown for a baseline that cannot be used; the message is one line. */
    public static final class Unusable extends Exception {
        Unusable(Path file, String why) {
            super("cannot use baseline " + file + ": " + why);
        }
    }

    public static Baseline read(Path file) throws Unusable {
        JsonNode log;
        try {
            log = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new Unusable(file, "no such file");
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage().replaceAll("\\s+", " ");
            throw new Unusable(file, "not JSON (" + why + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw new Unusable(file, e.getClass().getSimpleName() + " " + e.getMessage());
        }
        if (log == null || !log.isObject() || !"2.1.0".equals(log.path("version").asText()) || !log.path("runs").isArray()) {
            throw new Unusable(file, "not a SARIF 2.1.0 log");
        }
        Set<String> fingerprints = new HashSet<>();
        boolean lockcheckRun = false;
        for (JsonNode run : log.get("runs")) {
            if (!"lockcheck".equals(run.at("/tool/driver/name").asText())) {
                continue; // another tool's run in a merged log
            }
            lockcheckRun = true;
            for (JsonNode result : run.path("results")) {
                JsonNode fp = result.at("/partialFingerprints/" + FINGERPRINT);
                if (fp.isTextual()) {
                    fingerprints.add(fp.asText());
                }
            }
        }
        if (!lockcheckRun) {
            throw new Unusable(file, "it has no lockcheck run (write one with --format sarif)");
        }
        return new Baseline(file, fingerprints);
    }

    /** The result without the findings the baseline has; a note says how many were left out. */
    public AnalysisResult filter(AnalysisResult result) {
        List<Finding> fresh = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (f.fingerprint() == null || !fingerprints.contains(f.fingerprint())) {
                fresh.add(f);
            }
        }
        int known = result.findings().size() - fresh.size();
        if (known == 0) {
            return result;
        }
        List<Notification> notes = new ArrayList<>(result.notifications());
        notes.add(new Notification(Level.NOTE, null,
                known + " finding" + (known == 1 ? " is" : "s are") + " in the baseline " + file + " and not reported"));
        Collections.sort(notes);
        return result.withFindings(fresh).withNotifications(notes);
    }
}
