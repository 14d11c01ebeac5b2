package dev.kestrasdk.kestra;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The number of prepared Python contexts the worker's engine keeps, from its system property. */
class WorkerEngineTest {
    @Test
    void unsetOrBlankIsTheDefaultAndAWholeNumberIsTaken() {
        assertEquals(2, WorkerEngine.preparedContexts(null));
        assertEquals(2, WorkerEngine.preparedContexts(" "));
        assertEquals(0, WorkerEngine.preparedContexts("0"));
        assertEquals(4, WorkerEngine.preparedContexts(" 4 "));
    }

    @Test
    void anythingElseIsRefusedNamingTheProperty() {
        for (String bad : new String[]{"-1", "two", "1.5"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkerEngine.preparedContexts(bad));
            assertEquals("system property kestra.sdk.plugin.preparedPythonContexts must be a whole number >= 0, was '"
                    + bad + "'", e.getMessage());
        }
    }
}
