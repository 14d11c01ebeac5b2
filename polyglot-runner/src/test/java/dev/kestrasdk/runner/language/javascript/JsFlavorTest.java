package dev.kestrasdk.runner.language.javascript;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsFlavorTest {
    @Test
    void extensionDecidesThenTopLevelImportOrExport() {
        assertEquals(JsFlavor.MODULE, JsFlavor.of("a.mjs", "console.log(1)"));
        assertEquals(JsFlavor.SCRIPT, JsFlavor.of("a.cjs", "import x from 'y'"));
        assertEquals(JsFlavor.MODULE, JsFlavor.of("a.js", "import Kestra from '@kestra-io/libs';"));
        assertEquals(JsFlavor.MODULE, JsFlavor.of("a.js", "// x\n  import {a} from './a.mjs';"));
        assertEquals(JsFlavor.MODULE, JsFlavor.of("a.js", "export const a = 1;"));
        assertEquals(JsFlavor.SCRIPT, JsFlavor.of("a.js", "const m = await import('./m.mjs');"));
        assertEquals(JsFlavor.SCRIPT, JsFlavor.of("script.js", "const Kestra = require('@kestra-io/libs'); // import later"));
    }
}
