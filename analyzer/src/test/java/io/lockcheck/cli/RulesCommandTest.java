package io.lockcheck.cli;

import io.lockcheck.cli.CliHarness.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code rules}: an aligned table of whatever rules are installed. */
class RulesCommandTest {

    @Test
    void listsEachRuleOnAnAlignedLine() {
        Outcome o = CliHarness.run(FakeRule.TWO, RecordingEngine.clean(), "rules");
        assertEquals(0, o.exit());
        assertEquals(List.of(
                "ID     NAME           LEVEL    DESCRIPTION",
                "LC001  UnlockedRead   warning  plain read of a guarded field without its lock",
                "LC008  LockImbalance  error    double acquire or release of a lock not held"), o.out().lines().toList());
        assertEquals("", o.err());
    }

    @Test
    void withoutRulesSaysSoOnStderr() {
        // The analyzer module alone has no rules on its class path: the jar always does.
        Outcome o = CliHarness.run(List.of(), RecordingEngine.clean(), "rules");
        assertEquals(0, o.exit());
        assertEquals("", o.out());
        assertEquals(List.of("lockcheck: warning: no rules are installed"), o.errLines());
    }
}
