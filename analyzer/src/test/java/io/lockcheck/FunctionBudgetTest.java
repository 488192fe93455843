package io.lockcheck;

import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** --function-budget: a function whose dataflow needs more steps is cut short, and named. */
class FunctionBudgetTest {
    @TempDir
    Path dir;

    @Test
    void functionOverItsBudgetIsNamedInAWarning() throws IOException {
        Path file = Files.writeString(dir.resolve("loops.c"), """
                void small(struct mutex *l)
                {
                	mutex_lock(l);
                	mutex_unlock(l);
                }

                void branchy(struct mutex *l, int *c)
                {
                	if (c[0]) mutex_lock(l);
                	if (c[1]) c[2]++;
                	if (c[3]) mutex_unlock(l);
                	while (c[4]--) if (c[5]) break;
                }
                """);
        AnalyzerOptions tight = AnalyzerOptions.defaults().withJobs(1)
                .withLimits(AnalyzerOptions.DEFAULT_MAX_FILE_BYTES, 6, AnalyzerOptions.DEFAULT_PARSE_TIMEOUT_MILLIS);
        AnalysisResult r = new Analyzer(List.of(), tight).analyze(List.of(file));
        assertEquals(List.of(new Notification(Level.WARNING, file,
                        "analysis of branchy() stopped at the --function-budget of 6 steps; findings in it may be incomplete")),
                r.notifications());
        AnalysisResult roomy = new Analyzer(List.of(), AnalyzerOptions.defaults().withJobs(1)).analyze(List.of(file));
        assertEquals(List.of(), roomy.notifications());
    }

    @Test
    void stepsCostTheLocksTheyCarry() throws IOException {
        // 3,000 nested lock blocks visit about 9,000 statements, well under the default budget
        // counted in statements; each carries up to 3,000 locks, which is what takes the time.
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < 3000; i++) nested.append("mutex_lock(&l[").append(i).append("]); {");
        nested.append(" x++; ");
        for (int i = 2999; i >= 0; i--) nested.append("} mutex_unlock(&l[").append(i).append("]);");
        Path file = Files.writeString(dir.resolve("nested.c"),
                "void deep(struct mutex *l, int x)\n{\n" + nested + "\n}\n");
        AnalysisResult r = new Analyzer(List.of(), AnalyzerOptions.defaults().withJobs(1)).analyze(List.of(file));
        assertEquals(List.of(new Notification(Level.WARNING, file, "analysis of deep() stopped at the --function-budget of "
                + AnalyzerOptions.DEFAULT_FUNCTION_BUDGET + " steps; findings in it may be incomplete")), r.notifications());
    }
}
