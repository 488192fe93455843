package io.lockcheck.rules.robustness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Broken C inputs made from real C files. Input {@code i} of a run with seed {@code s} depends only
 * on {@code (s, i)} and the corpus, so any input a report names can be made again.
 */
final class Mutations {
    enum Kind {
        TRUNCATE, BYTE_FLIP, BRACES, PREPROCESSOR, CRLF_TABS, NUL_BYTES, INVALID_UTF8, DEEP_NESTING,
        LONG_LINE, LONG_IDENTIFIER, SPLICE, TOKEN_DELETE, DUPLICATE, LOCK_SWAP, MACRO_BOMB, PATH_EXPLOSION, GARBAGE,
        /** Not generated: the 20 MB file made by {@link SpecialInputs#large}. */
        LARGE_FILE
    }

    private static final Kind[] GENERATED = java.util.Arrays.copyOf(Kind.values(), Kind.values().length - 1);

    /** One generated input: where it came from and its bytes. */
    record Input(int index, Kind kind, String origin, byte[] bytes) {
        String fileName() {
            return String.format("in%05d-%s.c", index, kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
    }

    private static final Pattern IDENT = Pattern.compile("\\b[A-Za-z_][A-Za-z0-9_]{2,}\\b");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|\\d+|\\S");
    private static final String[] LOCK_CALLS = {"mutex_lock(&", "mutex_unlock(&", "spin_lock(&", "spin_unlock(&",
            "spin_lock_irqsave(&", "mutex_trylock(&", "guard(mutex)(&", "scoped_guard(spinlock, &"};

    private final List<Corpus.Source> corpus;

    Mutations(List<Corpus.Source> corpus) {
        if (corpus.isEmpty()) throw new IllegalArgumentException("empty corpus");
        this.corpus = List.copyOf(corpus);
    }

    /** Input {@code index} of the run {@code seed}; kinds take turns so that every kind is tried. */
    Input generate(long seed, int index) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + index);
        Kind kind = GENERATED[index % GENERATED.length];
        Corpus.Source src = corpus.get(r.nextInt(corpus.size()));
        byte[] b = src.bytes();
        String origin = src.name();
        Object out = switch (kind) {
            case TRUNCATE -> java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
            case BYTE_FLIP -> byteFlip(b, r);
            case BRACES -> insertAll(text(b), r, 1 + r.nextInt(10), i -> String.valueOf("{}()[];".charAt(r.nextInt(7))));
            case PREPROCESSOR -> atLineStarts(text(b), r, 1 + r.nextInt(6), () -> pick(r,
                    "#if 0\n", "#if 1\n", "#ifdef CONFIG_RBX\n", "#else\n", "#endif\n", "#elif defined(X) &&\n",
                    "#if (1 +\n", "#define mutex_lock mutex_unlock\n", "#undef spin_lock\n", "#define { }\n",
                    "#include <linux/nonexistent.h>\n", "#pragma once\n", "#error stop\n", "#line 0 \"x\"\n"));
            case CRLF_TABS -> crlfTabs(text(b), r);
            case NUL_BYTES -> insertAll(text(b), r, 1 + r.nextInt(3), i -> "\0");
            case INVALID_UTF8 -> invalidUtf8(b, r);
            case DEEP_NESTING -> insideFunction(text(b), r, deepNesting(r, 10_000));
            case LONG_LINE -> insideFunction(text(b), r, longLine(r));
            case LONG_IDENTIFIER -> longIdentifier(text(b), r);
            case SPLICE -> splice(b, corpus.get(r.nextInt(corpus.size())).bytes(), r);
            case TOKEN_DELETE -> tokenDelete(text(b), r);
            case DUPLICATE -> duplicate(b, r);
            case LOCK_SWAP -> lockSwap(text(b), r);
            case MACRO_BOMB -> macroBomb(text(b), r);
            case PATH_EXPLOSION -> text(b) + pathExplosion(r);
            case GARBAGE -> garbage(r);
            case LARGE_FILE -> throw new IllegalArgumentException("not generated");
        };
        return new Input(index, kind, origin, bytes(out));
    }

    private static byte[] bytes(Object o) {
        return o instanceof byte[] a ? a : ((String) o).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Bytes as chars one to one, so that mutations keep the file's own bytes (even invalid UTF-8). */
    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    private static byte[] byteFlip(byte[] b, Random r) {
        byte[] out = b.clone();
        for (int n = 1 + r.nextInt(16); n > 0 && out.length > 0; n--) out[r.nextInt(out.length)] = (byte) r.nextInt(256);
        return out;
    }

    private static String insertAll(String s, Random r, int n, IntFunction<String> what) {
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i < n; i++) b.insert(r.nextInt(b.length() + 1), what.apply(i));
        return b.toString();
    }

    private static String atLineStarts(String s, Random r, int n, java.util.function.Supplier<String> line) {
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i < n; i++) {
            int at = r.nextInt(b.length() + 1);
            while (at > 0 && b.charAt(at - 1) != '\n') at--;
            b.insert(at, line.get());
        }
        return b.toString();
    }

    private static String crlfTabs(String s, Random r) {
        String t = s.replace("\n", r.nextBoolean() ? "\r\n" : "\r").replace("    ", "\t");
        return r.nextBoolean() ? t : t.replace("\t", "\t\t\t\t\t\t\t\t");
    }

    private static byte[] invalidUtf8(byte[] b, Random r) {
        byte[][] bad = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = 1 + r.nextInt(5);
        int from = 0;
        int[] cuts = r.ints(n, 0, b.length + 1).sorted().toArray();
        for (int cut : cuts) {
            out.write(b, from, cut - from);
            out.writeBytes(bad[r.nextInt(bad.length)]);
            from = cut;
        }
        out.write(b, from, b.length - from);
        return out.toByteArray();
    }

    /** {@code code} inserted right after the opening brace of some function, or appended in one. */
    private static String insideFunction(String s, Random r, String code) {
        Matcher m = Pattern.compile("\\)\\s*\\n\\{\\n").matcher(s);
        List<Integer> bodies = new java.util.ArrayList<>();
        while (m.find()) bodies.add(m.end());
        if (bodies.isEmpty()) return s + "\nvoid rb_nest(int x)\n{\n" + code + "\n}\n";
        int at = bodies.get(r.nextInt(bodies.size()));
        return s.substring(0, at) + code + "\n" + s.substring(at);
    }

    private static String deepNesting(Random r, int depth) {
        String[][] shapes = {{"{", "}"}, {"if (x) {", "}"}, {"(", ")"}, {"x ? (", ") : 0"}, {"(int)(", ")"},
                {"({ ", " })"}, {"f(", ")"}, {"a[", "]"}, {"mutex_lock(&l); {", "} mutex_unlock(&l);"},
                {"do {", "} while (0);"}, {"- ", ""}, {"!", ""}, {"switch (x) { case 1:", "}"}};
        String[] shape = shapes[r.nextInt(shapes.length)];
        boolean expr = !shape[0].endsWith("{") && !shape[0].startsWith("mutex") && !shape[0].startsWith("do")
                && !shape[0].startsWith("switch");
        String open = shape[0].repeat(depth), close = shape[1].repeat(depth);
        return expr ? "x = " + open + "x" + close + ";" : open + " x++; " + close;
    }

    private static String longLine(Random r) {
        int n = 100_000 + r.nextInt(150_000);
        return switch (r.nextInt(4)) {
            case 0 -> "x = " + "x + ".repeat(n / 4) + "1;";
            case 1 -> "f(\"" + "a".repeat(n) + "\");";
            case 2 -> "/* " + "c".repeat(n) + " */";
            default -> "mutex_lock(&l); x++; mutex_unlock(&l); ".repeat(n / 40);
        };
    }

    private static String longIdentifier(String s, Random r) {
        Matcher m = IDENT.matcher(s);
        List<String> names = new java.util.ArrayList<>();
        while (m.find() && names.size() < 500) names.add(m.group());
        if (names.isEmpty()) return s + "int " + "v".repeat(100_000) + ";\n";
        String victim = names.get(r.nextInt(names.size()));
        String longName = victim + "_" + "z".repeat(50_000 + r.nextInt(150_000));
        return s.replaceAll("\\b" + Pattern.quote(victim) + "\\b", Matcher.quoteReplacement(longName));
    }

    private static byte[] splice(byte[] a, byte[] b, Random r) {
        int cutA = r.nextInt(a.length + 1), cutB = r.nextInt(b.length + 1);
        byte[] out = java.util.Arrays.copyOf(a, cutA + b.length - cutB);
        System.arraycopy(b, cutB, out, cutA, b.length - cutB);
        return out;
    }

    private static String tokenDelete(String s, Random r) {
        Matcher m = TOKEN.matcher(s);
        List<int[]> tokens = new java.util.ArrayList<>();
        while (m.find()) tokens.add(new int[] {m.start(), m.end()});
        StringBuilder b = new StringBuilder(s);
        java.util.TreeSet<Integer> gone = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        for (int n = 5 + r.nextInt(45); n > 0 && !tokens.isEmpty(); n--) gone.add(r.nextInt(tokens.size()));
        for (int i : gone) b.delete(tokens.get(i)[0], tokens.get(i)[1]);
        return b.toString();
    }

    private static byte[] duplicate(byte[] b, Random r) {
        int from = r.nextInt(b.length + 1), to = from + r.nextInt(b.length - from + 1);
        byte[] out = new byte[b.length + (to - from) * 2];
        System.arraycopy(b, 0, out, 0, to);
        System.arraycopy(b, from, out, to, to - from);
        System.arraycopy(b, from, out, to + (to - from), b.length - from);
        return out;
    }

    private static String lockSwap(String s, Random r) {
        String t = r.nextBoolean() ? s.replace("_unlock(", "_UNLOCK_(").replace("_lock(", "_unlock(").replace("_UNLOCK_(", "_lock(")
                : s.replace("_unlock(", "_lock(");
        return insertAll(t, r, 1 + r.nextInt(8), i -> ";" + LOCK_CALLS[r.nextInt(LOCK_CALLS.length)] + "rb_l);");
    }

    /** Each macro doubles the one before: 2^depth tokens from one line. */
    private static String macroBomb(String s, Random r) {
        int depth = 12 + r.nextInt(20);
        StringBuilder b = new StringBuilder("#define RB_M0 x\n");
        for (int i = 1; i <= depth; i++) b.append("#define RB_M").append(i).append(" RB_M").append(i - 1)
                .append(" + RB_M").append(i - 1).append('\n');
        return b + insideFunction(s, r, "x = RB_M" + depth + ";");
    }

    /** 2^n paths with a lock decision each: only the step budget ends this. */
    private static String pathExplosion(Random r) {
        int n = 100 + r.nextInt(700);
        StringBuilder b = new StringBuilder("\nstatic int rb_paths(struct mutex *l, int *c)\n{\n");
        for (int i = 0; i < n; i++) {
            b.append(switch (r.nextInt(4)) {
                case 0 -> "\tif (c[" + i + "]) mutex_lock(&l[" + i % 7 + "]);\n";
                case 1 -> "\tif (c[" + i + "]) mutex_unlock(&l[" + i % 7 + "]);\n";
                case 2 -> "\tif (c[" + i + "]) goto out" + (i % 5) + ";\n";
                default -> "\twhile (c[" + i + "]--) if (mutex_trylock(&l[" + i % 7 + "])) break;\n";
            });
        }
        for (int i = 0; i < 5; i++) b.append("out").append(i).append(":\n\tc[").append(i).append("] = 0;\n");
        return b.append("\treturn 0;\n}\n").toString();
    }

    private static byte[] garbage(Random r) {
        byte[] out = new byte[r.nextInt(200_000)];
        r.nextBytes(out);
        for (int i = 0; i < out.length; i++) if (out[i] == 0) out[i] = (byte) (r.nextBoolean() ? '{' : '(');
        return out;
    }
}
