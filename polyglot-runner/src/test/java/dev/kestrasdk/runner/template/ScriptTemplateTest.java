package dev.kestrasdk.runner.template;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptTemplateTest {
    private final ScriptTemplate template = new ScriptTemplate();

    @Test
    void rendersInputsWithOrWithoutSpacesAndKeepsLines() throws TemplateException {
        String rendered = template.render("a = {{inputs.attempts}}\nb = '{{ inputs.name }}'\n{% if inputs.attempts > 5 %}c = 1{% endif %}\nd = {'x': {'y': 1}}\n",
                Map.of("attempts", 10, "name", "é <b>"));
        assertEquals("a = 10\nb = 'é <b>'\nc = 1\nd = {'x': {'y': 1}}\n", rendered);
    }

    @Test
    void textWithoutTemplateSyntaxIsUntouched() throws TemplateException {
        String code = "const o = {a: {b: 1}};\nconsole.log(`${o.a}`);\n";
        assertSame(code, template.render(code, Map.of()));
    }

    @Test
    void unknownInputIsAnErrorNamingItAndItsLine() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> template.render("x = 1\ny = {{ inputs.atempts }}\n", Map.of("attempts", 10)));
        assertTrue(e.getMessage().contains("'atempts'") && e.getMessage().contains("[attempts]"), e.getMessage());
        assertEquals(2, e.line());

        TemplateException root = assertThrows(TemplateException.class, () -> template.render("{{ outputs.x }}", Map.of()));
        assertTrue(root.getMessage().contains("'outputs'"), root.getMessage());
    }

    @Test
    void templateSyntaxErrorIsReported() {
        TemplateException e = assertThrows(TemplateException.class, () -> template.render("a\n{% if %}", Map.of("l", List.of())));
        assertEquals(2, e.line(), e.getMessage());
    }

    @Test
    void renderingHasItsOwnLimits() {
        ScriptTemplate small = new ScriptTemplate(new RenderLimits(java.time.Duration.ofSeconds(5), 20, 20));
        // 0..9: ten range elements and ten iterations, exactly the 20 allowed
        assertEquals("0123456789", assertDoesNotThrowRender(small, "{% for i in 0..9 %}{{ i }}{% endfor %}"));
        TemplateException loops = assertThrows(TemplateException.class,
                () -> small.render("\n{% for i in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21] %}{% endfor %}", Map.of()));
        assertEquals("template loops and ranges went over 20 iterations at line 2", loops.getMessage());
        TemplateException range = assertThrows(TemplateException.class, () -> small.render("{{ range(0, 20) }}", Map.of()));
        assertEquals("template loops and ranges went over 20 iterations at line 1", range.getMessage());
        TemplateException output = assertThrows(TemplateException.class, () -> small.render("{{ 'x' }}" + "y".repeat(20), Map.of()));
        assertEquals("the rendered template went over 20 characters", output.getMessage());

        ScriptTemplate quick = new ScriptTemplate(new RenderLimits(java.time.Duration.ofMillis(1), 1_000_000, 10_000_000));
        TemplateException time = assertThrows(TemplateException.class, () -> quick.render(
                "{% for i in range(1, 3000) %}{% for j in range(1, 3000) %}{% endfor %}{% endfor %}", Map.of()));
        assertEquals("rendering the template took longer than 1 ms at line 1", time.getMessage());
    }

    @Test
    void valuesBuiltWithoutBeingWrittenAreBoundedToo() throws TemplateException {
        ScriptTemplate small = new ScriptTemplate(new RenderLimits(java.time.Duration.ofSeconds(5), 20, 1000));
        // a string doubled by set, written never: stopped at the first value over 20 characters (32), line 3
        TemplateException doubling = assertThrows(TemplateException.class, () -> small.render(
                "{% set s = 'x' %}\n{% set s = s ~ s %}{% set s = s ~ s %}{% set s = s ~ s %}{% set s = s ~ s %}\n"
                        + "{% set s = s ~ s %}", Map.of()));
        assertEquals("a template value went over 20 characters or elements at line 3", doubling.getMessage());
        // a concatenation that is not stored is checked before the string is built
        TemplateException joined = assertThrows(TemplateException.class, () -> small.render(
                "{{ ('abcdefghijk' ~ 'abcdefghijk') | length }}", Map.of()));
        assertEquals("a template value went over 20 characters or elements at line 1", joined.getMessage());
        // a list grown by set
        TemplateException list = assertThrows(TemplateException.class, () -> small.render(
                "{% set l = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21] %}", Map.of()));
        assertEquals("a template value went over 20 characters or elements at line 1", list.getMessage());
        // within the limit, ~ and set work as Pebble's: null is empty, numbers are their text
        assertEquals("ab3-x", small.render("{% set s = 'a' ~ 'b' %}{{ s ~ 3 }}-{{ inputs.none ~ 'x' }}",
                java.util.Collections.singletonMap("none", null)));
    }

    @Test
    void theStopSignalEndsRendering() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> template.render("{% for i in [1, 2] %}{% endfor %}", Map.of(), () -> true));
        assertEquals("rendering stopped: stopped by the script's timeout", e.getMessage());
    }

    @Test
    void badLimitsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RenderLimits(java.time.Duration.ZERO, 1, 1));
        assertEquals("render limits must be positive: PT0S, 1, 1", e.getMessage());
    }

    private static String assertDoesNotThrowRender(ScriptTemplate t, String text) {
        try {
            return t.render(text, Map.of());
        } catch (TemplateException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
