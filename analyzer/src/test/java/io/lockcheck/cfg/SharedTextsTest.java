package io.lockcheck.cfg;

import io.lockcheck.Analyzer;
import io.lockcheck.AnalyzerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Names and expression texts are one instance across files, lock paths within one: every CFG of a run stays in memory. */
class SharedTextsTest {
    @Test
    void sameTextsInTwoFilesAreOneInstance(@TempDir Path dir) throws Exception {
        String body = "struct dev { int count; };\nint %s(struct dev *dev) { int ret = dev->count; foo(dev); return ret; }\n";
        Files.writeString(dir.resolve("a.c"), body.formatted("fa"));
        Files.writeString(dir.resolve("b.c"), body.formatted("fb"));
        List<FunctionUnit> fns = new Analyzer(List.of(), AnalyzerOptions.defaults().withJobs(1))
                .run(List.of(dir), new ArrayList<>()).functions();
        assertEquals(2, fns.size());
        Event.Access a = access(fns.get(0)), b = access(fns.get(1));
        assertEquals("dev->count", a.text());
        assertSame(a.text(), b.text());
        assertSame(a.path().root(), b.path().root());
        assertSame(call(fns.get(0)).callee(), call(fns.get(1)).callee());
        assertSame(call(fns.get(0)).args().get(0).text(), call(fns.get(1)).args().get(0).text());
        assertSame(fns.get(0).params().get(0), fns.get(1).params().get(0));
        assertSame(fns.get(0).types().get("dev"), fns.get(1).types().get("dev"));
    }

    @Test
    void equalPathsOfOneFileAreOneObject(@TempDir Path dir) throws Exception {
        List<FunctionUnit> fns = functionsOf(dir, "struct dev { int count; };\n"
                + "int fa(struct dev *dev) { return dev->count; }\n"
                + "void fb(struct dev *dev) { dev->count = 1; dev->count++; }\n");
        List<io.lockcheck.lock.LockPath> paths = new ArrayList<>();
        for (Event e : events(fns)) if (e instanceof Event.Access a) paths.add(a.path());
        assertEquals(3, paths.size(), paths::toString); // fa: a load; fb: a store and an update
        for (io.lockcheck.lock.LockPath p : paths) assertSame(paths.get(0), p);
        assertSame(fns.get(0).cfg().edges().get(0), fns.get(1).cfg().edges().get(0)); // entry to the first statement
    }

    @Test
    void equalCallArgumentsOfOneFileAreOneObject(@TempDir Path dir) throws Exception {
        List<FunctionUnit> fns = functionsOf(dir, "struct dev { int count; };\n"
                + "void fa(struct dev *dev) { get(&dev->count); }\n"
                + "void fb(struct dev *dev) { put(&dev->count); put(dev); }\n");
        List<Arg> args = new ArrayList<>();
        for (Event e : events(fns)) if (e instanceof Event.Call c) args.addAll(c.args());
        assertEquals(3, args.size(), args::toString);
        assertSame(args.get(0), args.get(1));
        assertEquals("dev", args.get(2).text());
    }

    /** The functions of one file with {@code code}, lowered as a run does. */
    private static List<FunctionUnit> functionsOf(Path dir, String code) throws Exception {
        Files.writeString(dir.resolve("a.c"), code);
        return new Analyzer(List.of(), AnalyzerOptions.defaults().withJobs(1)).run(List.of(dir), new ArrayList<>())
                .functions();
    }

    private static List<Event> events(List<FunctionUnit> fns) {
        List<Event> out = new ArrayList<>();
        fns.forEach(f -> out.addAll(events(f)));
        return out;
    }

    private static Event.Access access(FunctionUnit f) {
        return events(f).stream().filter(e -> e instanceof Event.Access).map(e -> (Event.Access) e).findFirst().orElseThrow();
    }

    private static Event.Call call(FunctionUnit f) {
        return events(f).stream().filter(e -> e instanceof Event.Call).map(e -> (Event.Call) e).findFirst().orElseThrow();
    }

    private static List<Event> events(FunctionUnit f) {
        List<Event> out = new ArrayList<>();
        for (Node n : f.cfg().nodes()) out.addAll(n.events());
        return out;
    }
}
