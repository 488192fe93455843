package io.lockcheck.frontend.precise;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compilation database (compile_commands.json, as the kernel's
 * scripts/clang-tools/gen_compile_commands.py writes it): per source file, the {@code -I},
 * {@code -D}, {@code -U} and {@code -include} of its command. Paths in a command are relative to
 * the entry's {@code directory}.
 */
public final class CompileCommands {
    /** A malformed database; {@link #getMessage()} is one line, {@code file:line:col: what}. */
    public static final class Malformed extends Exception {
        Malformed(Path file, JsonLocation at, String what) {
            super(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()) + ": " + what);
        }
    }

    private final Map<Path, CompileFlags> byFile;
    private final Path directory;

    private CompileCommands(Map<Path, CompileFlags> byFile, Path directory) {
        this.byFile = byFile;
        this.directory = directory;
    }

    /** The flags of {@code source}, or null when the database has no entry for it. */
    public CompileFlags flagsFor(Path source) {
        return byFile.get(source.toAbsolutePath().normalize());
    }

    /** The directory most entries are compiled in (the kernel build's root), or null if empty. */
    public Path directory() {
        return directory;
    }

    public int size() {
        return byFile.size();
    }

    public static CompileCommands load(Path file) throws Malformed, IOException {
        ObjectMapper json = new ObjectMapper();
        Map<Path, CompileFlags> out = new LinkedHashMap<>();
        Map<Path, Integer> dirs = new HashMap<>();
        try (JsonParser p = json.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new Malformed(file, p.currentTokenLocation(), "expected an array of compile commands");
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonLocation at = p.currentTokenLocation();
                if (p.currentToken() != JsonToken.START_OBJECT) throw new Malformed(file, at, "expected an object");
                JsonNode entry = json.readTree(p);
                Path dir = Path.of(text(file, at, entry, "directory")).toAbsolutePath().normalize();
                Path source = dir.resolve(text(file, at, entry, "file")).normalize();
                out.put(source, parse(arguments(file, at, entry), dir));
                dirs.merge(dir, 1, Integer::sum);
            }
        } catch (JsonProcessingException e) {
            throw new Malformed(file, e.getLocation(), e.getOriginalMessage().lines().findFirst().orElse("invalid JSON"));
        }
        Path common = dirs.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        return new CompileCommands(out, common);
    }

    private static String text(Path file, JsonLocation at, JsonNode entry, String field) throws Malformed {
        JsonNode v = entry.get(field);
        if (v == null || !v.isTextual()) throw new Malformed(file, at, "entry has no \"" + field + "\" string");
        return v.asText();
    }

    private static List<String> arguments(Path file, JsonLocation at, JsonNode entry) throws Malformed {
        JsonNode args = entry.get("arguments");
        if (args != null) {
            if (!args.isArray()) throw new Malformed(file, at, "\"arguments\" is not an array of strings");
            List<String> out = new ArrayList<>();
            for (JsonNode a : args) {
                if (!a.isTextual()) throw new Malformed(file, at, "\"arguments\" is not an array of strings");
                out.add(a.asText());
            }
            return out;
        }
        JsonNode command = entry.get("command");
        if (command == null || !command.isTextual()) {
            throw new Malformed(file, at, "entry has neither \"arguments\" nor a \"command\" string");
        }
        return ShellWords.split(command.asText());
    }

    /** The flags precise mode uses from one command line; the rest (-O2, -W..., -o) is ignored. */
    static CompileFlags parse(List<String> args, Path dir) {
        List<Path> includes = new ArrayList<>();
        List<Path> forced = new ArrayList<>();
        Map<String, String> defines = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : null;
            if (a.equals("-I") || a.equals("-isystem") || a.equals("-iquote") || a.equals("-idirafter")) {
                if (next != null) includes.add(dir.resolve(next).normalize());
                i++;
            } else if (a.startsWith("-I")) {
                includes.add(dir.resolve(a.substring(2)).normalize());
            } else if (a.equals("-include")) {
                if (next != null) forced.add(dir.resolve(next).normalize());
                i++;
            } else if (a.equals("-D") || a.equals("-U")) {
                if (next != null) define(defines, a + next);
                i++;
            } else if (a.startsWith("-D") || a.startsWith("-U")) {
                define(defines, a);
            }
        }
        return new CompileFlags(includes, defines, forced);
    }

    private static void define(Map<String, String> defines, String flag) {
        String body = flag.substring(2);
        if (flag.startsWith("-U")) {
            defines.remove(body);
            return;
        }
        int eq = body.indexOf('=');
        if (eq < 0) defines.put(body, "1");
        else defines.put(body.substring(0, eq), body.substring(eq + 1));
    }
}
