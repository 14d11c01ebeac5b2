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
}
