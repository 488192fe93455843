package io.lockcheck.frontend;

import org.eclipse.cdt.core.dom.parser.c.GCCScannerExtensionConfiguration;
import org.eclipse.cdt.core.parser.IMacro;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The part of the fast-mode prelude one file can reach. CDT lexes and defines every macro of a
 * macro file for every file it parses: all 343 prelude definitions, for files that use a few
 * dozen. A macro matters to a parse only if its name comes up while preprocessing, and in fast
 * mode (no header is read) every name that comes up is in the file, in its macro shapes, in a
 * -D value, in one of CDT's own GNU macros, or in the expansion of a macro that came up: the
 * cut keeps the prelude definitions those names reach, in prelude order. The exception is
 * token pasting, which makes names that are written nowhere: a file with {@code ##} gets the
 * whole prelude, and a prelude macro that pastes a fixed prefix onto an argument
 * ({@code __lockcheck_guard_##_name}) reaches every prelude name with that prefix. Keeping a
 * definition that is not used is harmless, so every scan here over-approximates.
 *
 * <p>On Linux 6.12 drivers/gpu/drm a file gets 1.6 KB of the prelude's 21.5 KB on average (214
 * of 3,316 files paste and get all of it); the files phase took 12.6-14.6 s against 14.1-16.3 s
 * with the whole prelude, the whole check 21.0-22.8 s against 23.0-25.4 s (alternating, three
 * runs each), with identical findings. The scan of a file is one pass without allocation: three
 * passes with a string per name ate half the gain.
 */
final class PreludeCut {
    /** Each prelude directive with its continuation lines, in order. */
    private final List<String> units = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    /** Per unit, the units its expansion may bring in. */
    private final List<BitSet> direct = new ArrayList<>();
    /** Units every file reaches: those the GNU macros and -D values name. */
    private final BitSet always;
    private final char[] whole;
    /** Open addressing over the unit names: a lookup per identifier of every file, without allocating. */
    private final char[][] slotName;
    private final BitSet[] slotUnits;

    PreludeCut(char[] prelude, List<String> alwaysNamed) {
        List<String> rests = split(new String(prelude));
        int size = Integer.highestOneBit(Math.max(16, units.size() * 4));
        slotName = new char[size][];
        slotUnits = new BitSet[size];
        for (int u = 0; u < units.size(); u++) {
            int s = slot(names.get(u).toCharArray(), 0, names.get(u).length());
            slotName[s] = names.get(u).toCharArray();
            if (slotUnits[s] == null) slotUnits[s] = new BitSet();
            slotUnits[s].set(u); // a name defined twice brings both: the later one wins in CDT as in the prelude
        }
        for (int u = 0; u < units.size(); u++) {
            direct.add(mentions(rests.get(u).toCharArray(), params(rests.get(u))));
        }
        BitSet roots = new BitSet();
        for (String s : alwaysNamed) roots.or(mentions(s.toCharArray(), List.of()));
        always = closure(roots);
        StringBuilder b = new StringBuilder();
        units.forEach(u -> b.append(u).append('\n'));
        whole = b.toString().toCharArray();
    }

    /** The prelude definitions {@code source} with its macro {@code shapes} can reach, as a macro file. */
    char[] forFile(char[] source, char[] shapes) {
        BitSet used = (BitSet) always.clone();
        if (!fileMentions(source, used)) return whole;
        used.or(mentions(shapes, null));
        used = closure(used);
        StringBuilder b = new StringBuilder();
        used.stream().forEach(u -> b.append(units.get(u)).append('\n'));
        char[] out = new char[b.length()];
        b.getChars(0, out.length, out, 0);
        return out;
    }

    /** Every unit, as the whole prelude would define them. */
    char[] whole() {
        return whole;
    }

    List<String> names() {
        return names;
    }

    private BitSet closure(BitSet from) {
        BitSet out = new BitSet();
        BitSet todo = (BitSet) from.clone();
        for (int u = todo.nextSetBit(0); u >= 0; u = todo.nextSetBit(0)) {
            todo.clear(u);
            if (out.get(u)) continue;
            out.set(u);
            todo.or(direct.get(u));
            todo.andNot(out);
        }
        return out;
    }

    /**
     * The units named in {@code s}. With {@code params} (a prelude definition's parameters),
     * also those a paste can form: it begins with the word before the {@code ##}, so a fixed
     * word there is a prefix of the name, while a parameter there can begin any name. A paste
     * after a comma is GNU's {@code , ## __VA_ARGS__}, which forms no name.
     */
    private BitSet mentions(char[] s, List<String> params) {
        BitSet out = new BitSet();
        int n = s.length;
        String last = null; // the word just before, null after any other token
        for (int i = 0; i < n; i++) {
            char c = s[i];
            if (params != null && c == '#' && i + 1 < n && s[i + 1] == '#') {
                if (last != null) {
                    for (int u = 0; u < names.size(); u++) {
                        if (params.contains(last) || names.get(u).startsWith(last)) out.set(u);
                    }
                }
                last = null;
                i++;
            } else if (identPart(c)) {
                int end = word(s, i, out);
                if (params != null) last = new String(s, i, end - i);
                i = end - 1;
            } else if (c != ' ' && c != '\t' && c != '\\' && c != '\n' && c != '\r') {
                last = null;
            }
        }
        return out;
    }

    /** The slot of the name {@code s[from, to)}: its own if present, else the empty one where it would go. */
    private int slot(char[] s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) h = 31 * h + s[i];
        int mask = slotName.length - 1;
        for (int at = (h ^ h >>> 16) & mask; ; at = at + 1 & mask) {
            char[] name = slotName[at];
            if (name == null || equal(name, s, from, to)) return at;
        }
    }

    private static boolean equal(char[] name, char[] s, int from, int to) {
        if (name.length != to - from) return false;
        for (int i = 0; i < name.length; i++) if (name[i] != s[from + i]) return false;
        return true;
    }

    /** The parameters of a function-like definition ({@code ...} is {@code __VA_ARGS__}), else none. */
    private static List<String> params(String rest) {
        if (!rest.startsWith("(")) return List.of();
        List<String> out = new ArrayList<>();
        for (String p : rest.substring(1, rest.indexOf(')')).split(",")) {
            p = p.strip();
            out.add(p.equals("...") ? "__VA_ARGS__" : p.endsWith("...") ? p.substring(0, p.length() - 3).strip() : p);
        }
        return out;
    }

    /**
     * Adds to {@code used} the units the names in a file bring in, in one pass over it. False
     * when the file pastes ({@code ##}) or splits a name with a backslash-newline
     * ({@code spin_\<newline>lock}, or the trigraph {@code ??/} for the backslash): its names
     * are then not all written out, and it needs the whole prelude.
     */
    private boolean fileMentions(char[] s, BitSet used) {
        int n = s.length;
        for (int i = 0; i < n; i++) {
            char c = s[i];
            if (c == '#') {
                if (i + 1 < n && s[i + 1] == '#') return false;
            } else if (c == '\\' || c == '/' && i >= 2 && s[i - 1] == '?' && s[i - 2] == '?') {
                int next = i + 1 < n && s[i + 1] == '\r' ? i + 2 : i + 1;
                boolean joined = next + 1 < n && s[next] == '\n' && identPart(s[next + 1]);
                if (joined && (c == '/' || i > 0 && identPart(s[i - 1]))) return false;
            } else if (identPart(c)) {
                i = word(s, i, used) - 1;
            }
        }
        return true;
    }

    /** Adds the units the word (a name or a number) at {@code i} names to {@code into}; returns its end. */
    private int word(char[] s, int i, BitSet into) {
        int end = i + 1;
        while (end < s.length && identPart(s[end])) end++;
        if (identStart(s[i])) {
            BitSet defs = slotUnits[slot(s, i, end)];
            if (defs != null) into.or(defs);
        }
        return end;
    }

    /**
     * Splits the prelude into its #define directives (it has nothing else but comments) and
     * returns, per directive, what follows its name: the parameter list and the expansion.
     */
    private List<String> split(String text) {
        List<String> rests = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().startsWith("#")) continue;
            StringBuilder u = new StringBuilder(lines[i]);
            while (lines[i].endsWith("\\") && i + 1 < lines.length) u.append('\n').append(lines[++i]);
            String unit = u.toString();
            int at = unit.indexOf("define");
            if (at < 0) throw new IllegalStateException("prelude directive other than #define: " + unit);
            at += 6;
            while (!identStart(unit.charAt(at))) at++;
            int end = at;
            while (end < unit.length() && identPart(unit.charAt(end))) end++;
            units.add(unit);
            names.add(unit.substring(at, end));
            rests.add(unit.substring(end));
        }
        return rests;
    }

    private static boolean identStart(char c) {
        return c == '_' || (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= 128 && Character.isLetter(c);
    }

    private static boolean identPart(char c) {
        return identStart(c) || c >= '0' && c <= '9' || c == '$';
    }

    /** The expansions of CDT's own GNU C macros, which may name prelude macros. */
    static List<String> gnuExpansions() {
        List<String> out = new ArrayList<>();
        for (IMacro m : GCCScannerExtensionConfiguration.getInstance().getAdditionalMacros()) {
            out.add(new String(m.getExpansion()));
        }
        return out;
    }
}
