package dev.kestrasdk.runner.language.python;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InlineScriptMetadataTest {
    private static List<String> dependencies(String script) {
        return InlineScriptMetadata.dependencies(script, "etl.py").requirements();
    }

    private static String error(String script) {
        return assertThrows(IllegalArgumentException.class, () -> InlineScriptMetadata.dependencies(script, "etl.py"))
                .getMessage();
    }

    @Test
    void thePepsOwnExample() {
        assertEquals(List.of("requests<3", "rich"), dependencies("""
                # /// script
                # requires-python = ">=3.11"
                # dependencies = [
                #   "requests<3",
                #   "rich",
                # ]
                # ///

                import requests
                """));
    }

    @Test
    void oneLineArrayWithLiteralStringsAndComments() {
        assertEquals(List.of("Faker==33.1.0", "loguru"), dependencies("""
                #!/usr/bin/env python3
                # /// script
                # dependencies = ['Faker==33.1.0', "loguru"]  # the log demo
                # ///
                """));
    }

    @Test
    void anEscapedQuoteInABasicString() {
        assertEquals(List.of("pkg; python_version >= \"3.8\""), dependencies("""
                # /// script
                # dependencies = ["pkg; python_version >= \\"3.8\\""]
                # ///
                """));
    }

    @Test
    void noBlockOrNoDependenciesIsNone() {
        assertSame(PythonDependencies.NONE, InlineScriptMetadata.dependencies("import os\n", "etl.py"));
        assertEquals(List.of(), dependencies("""
                # /// script
                # requires-python = ">=3.11"
                # ///
                """));
    }

    @Test
    void dependenciesOfAToolTableAreNotTheScripts() {
        assertEquals(List.of(), dependencies("""
                # /// script
                # [tool.uv]
                # dependencies = ["not-this"]
                # ///
                """));
    }

    @Test
    void anotherBlockTypeIsIgnored() {
        assertEquals(List.of("six"), dependencies("""
                # /// pyproject
                # dependencies = ["not-this"]
                # ///

                # /// script
                # dependencies = ["six"]
                # ///
                """));
    }

    @Test
    void anUnclosedBlockIsNoBlock() {
        assertEquals(List.of(), dependencies("""
                # /// script
                # dependencies = ["six"]
                import six
                """));
    }

    @Test
    void blocksWithNoLineBetweenAreOneAsInThePepsReferenceExpression() {
        assertEquals(List.of(), dependencies("""
                # /// pyproject
                # name = "x"
                # ///
                # /// script
                # dependencies = ["six"]
                # ///
                """));
    }

    @Test
    void twoScriptBlocksAreAnError() {
        assertEquals("etl.py, line 5: a second '# /// script' block (PEP 723 allows one)", error("""
                # /// script
                # dependencies = ["six"]
                # ///

                # /// script
                # dependencies = ["idna"]
                # ///
                """));
    }

    @Test
    void dependenciesThatAreNotAnArrayNameTheLine() {
        assertEquals("etl.py, line 3: PEP 723 'dependencies' must be an array of strings, such as [\"requests\"]", error("""
                import os
                # /// script
                # dependencies = "requests"
                # ///
                """));
    }

    @Test
    void anUnquotedItemIsAnError() {
        assertEquals("etl.py, line 2: PEP 723 'dependencies' must hold only quoted strings", error("""
                # /// script
                # dependencies = [requests]
                # ///
                """));
    }

    @Test
    void aMissingCommaIsAnError() {
        assertEquals("etl.py, line 2: PEP 723 'dependencies' expects ',' or ']' after \"six\"", error("""
                # /// script
                # dependencies = ["six" "idna"]
                # ///
                """));
    }

    @Test
    void anUnterminatedStringIsAnError() {
        assertEquals("etl.py, line 2: PEP 723 'dependencies' has an unterminated string", error("""
                # /// script
                # dependencies = ["six]
                # ///
                """));
    }

    @Test
    void aPipOptionInTheArrayIsRefused() {
        assertEquals("etl.py, line 2: PEP 723 'dependencies' '-e .' is a pip option; only package requirements are"
                + " accepted (such as requests or Faker==33.1.0)", error("""
                # /// script
                # dependencies = ["-e ."]
                # ///
                """));
    }
}
