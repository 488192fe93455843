package io.lockcheck.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** DESIGN §8 precedence: usage error, then analysis failure, then findings, then clean. */
class ExitCodesTest {

    @ParameterizedTest(name = "worst({0}, {1}) = {2}")
    @CsvSource({"0, 1, 1", "1, 3, 3", "3, 2, 2", "2, 1, 2", "2, 3, 2", "0, 0, 0", "3, 0, 3"})
    void moreSeriousCodeWinsWhicheverComesFirst(int a, int b, int worst) {
        assertEquals(worst, ExitCodes.worst(a, b));
        assertEquals(worst, ExitCodes.worst(b, a));
    }
}
