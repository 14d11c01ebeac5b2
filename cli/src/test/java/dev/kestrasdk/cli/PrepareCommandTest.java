package dev.kestrasdk.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kestra-sdk prepare}: the standard library's bytecode made once; a second call says it is there. */
class PrepareCommandTest {
    @Test
    void compilesOnceThenSaysTheBytecodeIsThere() {
        CliRun first = CliRun.of("prepare");
        assertEquals(0, first.exit(), first.err());
        assertEquals("", first.out());
        assertTrue(first.err().startsWith("kestra-sdk: compiled the standard library to bytecode in ")
                || first.err().startsWith("kestra-sdk: the standard library's bytecode is there already ("), first.err());
        CliRun second = CliRun.of("prepare");
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.err().matches("kestra-sdk: the standard library's bytecode is there already \\(.*/"
                + "python-stdlib-bytecode\\.done\\)\\R"), second.err());
    }
}
