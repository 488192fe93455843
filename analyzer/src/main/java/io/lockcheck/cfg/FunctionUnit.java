package io.lockcheck.cfg;

import io.lockcheck.lock.LockPath;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One function definition, lowered: everything later stages need, nothing of the AST.
 * {@code params} in order; {@code types} maps parameters and locals to their declared type
 * text (e.g. "struct drm_gem_lru *"); {@code locals} are the function's own variables, so any
 * other root of a path is a global; {@code annotations} are lock annotations on the
 * declaration ({@code __must_hold(&l)} as kind "must_hold" and path); {@code entryAliases}
 * are locals that name a path over the parameters' entry values.
 */
public record FunctionUnit(
        String name,
        Path file,
        boolean isStatic,
        List<String> params,
        Map<String, String> types,
        Set<String> locals,
        List<Annotation> annotations,
        Cfg cfg,
        Map<String, Arg> entryAliases,
        Span span,
        Span closingBrace,
        boolean hasProblems) {

    public record Annotation(String kind, LockPath lock, String text) {
    }

    public FunctionUnit {
        name = Texts.shared(name);
        params = params.stream().map(Texts::shared).toList();
        types = shared(types);
        locals = Set.copyOf(locals.stream().map(Texts::shared).toList());
        annotations = List.copyOf(annotations);
        entryAliases = shared(entryAliases);
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> shared(Map<String, V> m) {
        Map<String, V> out = new java.util.HashMap<>(m.size() * 2);
        m.forEach((k, v) -> out.put(Texts.shared(k), v instanceof String s ? (V) Texts.shared(s) : v));
        return Map.copyOf(out);
    }

    /** A lock path as callers see it: entry aliases replaced ({@code dev->x} is {@code obj->dev->x}). */
    public LockPath atEntry(LockPath p) {
        Arg a = entryAliases.get(p.root());
        return a == null ? p : p.rebase(a.path(), a.address());
    }

    /** A stable key: static functions are per file, others global. */
    public String key() {
        return isStatic ? file + "#" + name : name;
    }

    public boolean isLocal(String var) {
        return locals.contains(var) || params.contains(var);
    }
}
