package dev.kestrasdk.docs;

import org.junit.jupiter.api.Test;

import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every public method and constructor of the exported packages shows an example in its javadoc (doclint, in the
 * build, checks the rest: every element documented, no broken reference, any warning fails {@code verify}).
 */
class JavadocExamplesTest {
    @Test
    void everyPublicMethodHasAnExample() throws IOException {
        Path sources = Path.of("src/main/java");
        List<Path> files;
        try (Stream<Path> s = Files.walk(sources)) {
            files = s.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("internal"))
                    .filter(p -> !p.getFileName().toString().equals("module-info.java")).sorted().toList();
        }
        assertTrue(files.size() > 30, "sources not found from " + sources.toAbsolutePath());
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        StringWriter messages = new StringWriter();
        try (StandardJavaFileManager fm = javadoc.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            // no -sourcepath: module-info.java would put javadoc in module mode; the compiled classes resolve the rest
            List<String> options = List.of("-quiet", "-classpath", System.getProperty("java.class.path"));
            boolean ok = javadoc.getTask(messages, fm, null, ExamplesDoclet.class, options, units).call();
            assertTrue(ok, messages::toString);
        }
        assertEquals(List.of(), ExamplesDoclet.MISSING, "public methods without an example in their javadoc");
    }
}
