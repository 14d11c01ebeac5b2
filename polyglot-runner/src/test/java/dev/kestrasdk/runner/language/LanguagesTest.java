package dev.kestrasdk.runner.language;

import dev.kestrasdk.runner.language.javascript.JavaScriptLanguage;
import dev.kestrasdk.runner.language.python.PythonLanguage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The registry finds the languages the services file lists, by name, alias and file extension. */
class LanguagesTest {
    @Test
    void registersPythonThenJavaScriptInServicesFileOrder() {
        assertEquals(List.of("python", "js"), Languages.names());
        assertInstanceOf(PythonLanguage.class, Languages.all().get(0));
        assertInstanceOf(JavaScriptLanguage.class, Languages.all().get(1));
        assertEquals(List.of(".py", ".js", ".mjs", ".cjs"), Languages.fileExtensions());
    }

    @Test
    void findsALanguageByItsNameOrAnAliasInAnyCase() {
        assertEquals("python", Languages.byName("python").orElseThrow().name());
        assertEquals("python", Languages.byName("PY").orElseThrow().name());
        assertEquals("js", Languages.byName("js").orElseThrow().name());
        assertEquals("js", Languages.byName("JavaScript").orElseThrow().name());
        assertEquals("js", Languages.byName("node").orElseThrow().name());
        assertEquals(Optional.empty(), Languages.byName("ruby"));
    }

    @Test
    void namedSaysWhichLanguagesThereAreWhenNoneIsCalledSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Languages.named("ruby"));
        assertEquals("no guest language called ruby (registered: python, js)", e.getMessage());
    }

    @Test
    void findsALanguageByTheFileExtensionInAnyCase() {
        assertEquals("python", Languages.forFileName("etl.py").orElseThrow().name());
        assertEquals("js", Languages.forFileName("a.js").orElseThrow().name());
        assertEquals("js", Languages.forFileName("A.MJS").orElseThrow().name());
        assertEquals("js", Languages.forFileName("b.cjs").orElseThrow().name());
        assertEquals(Optional.empty(), Languages.forFileName("Main.java"));
        assertEquals(Optional.empty(), Languages.forFileName("py"));
    }

    @Test
    void eachLanguageKnowsItsGraalIdDisplayNameAndTextSourceName() {
        GuestLanguage python = Languages.named("python");
        GuestLanguage js = Languages.named("js");
        assertEquals(List.of("python", "Python", "script.py"), List.of(python.graalId(), python.displayName(), python.defaultSourceName()));
        assertEquals(List.of("js", "JavaScript", "script.js"), List.of(js.graalId(), js.displayName(), js.defaultSourceName()));
    }

    @Test
    void oneOfWritesAListForAMessage() {
        assertEquals("", Languages.oneOf(List.of()));
        assertEquals("a", Languages.oneOf(List.of("a")));
        assertEquals("a or b", Languages.oneOf(List.of("a", "b")));
        assertEquals(".py, .js, .mjs or .cjs", Languages.oneOf(Languages.fileExtensions()));
    }
}
