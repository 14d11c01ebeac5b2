package dev.kestrasdk.kestra;

import io.kestra.core.models.tasks.Task;
import io.kestra.core.plugins.PluginScanner;
import io.kestra.core.plugins.RegisteredPlugin;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built plugin folder, loaded as a Kestra server loads its plugins path: through Kestra's own scanner. Runs on
 * Kestra 1.3 (kestra-plugin) and on Kestra 2.0 (kestra-plugin-kestra2), both on the folder kestra-plugin builds.
 */
class PluginJarIT {
    private static final Path FOLDER = Path.of(System.getProperty("kestra.plugin.directory"));

    @Test
    void kestrasScannerFindsBothTasksAndTheManifestInThePluginFolder() throws Exception {
        assertTrue(Files.isDirectory(FOLDER.resolve("lib")), FOLDER + " has no lib/");
        List<RegisteredPlugin> plugins = new PluginScanner(PluginJarIT.class.getClassLoader()).scan(FOLDER.getParent());

        assertEquals(1, plugins.size());
        RegisteredPlugin plugin = plugins.getFirst();
        assertEquals(List.of("dev.kestrasdk.kestra.JavaScript", "dev.kestrasdk.kestra.Python"),
                plugin.getTasks().stream().map(Class::getName).sorted().toList());
        assertEquals("kestra-sdk", plugin.name());
        assertEquals("kestra-sdk scripts", plugin.title());
        assertEquals("dev.kestrasdk.kestra", plugin.group());
        assertEquals("0.1.0-SNAPSHOT", plugin.version());
    }

    @Test
    void theTasksAndGraalVmComeFromThePluginsClassLoaderAndKestraFromKestras() throws Exception {
        RegisteredPlugin plugin = new PluginScanner(PluginJarIT.class.getClassLoader()).scan(FOLDER.getParent()).getFirst();
        ClassLoader loader = plugin.getClassLoader();
        assertNotSame(PluginJarIT.class.getClassLoader(), loader);

        Class<?> python = plugin.findClass("dev.kestrasdk.kestra.Python").orElseThrow();
        assertSame(loader, python.getClassLoader());
        Class<?> engine = Class.forName("org.graalvm.polyglot.Engine", false, loader);
        assertSame(loader, engine.getClassLoader());
        String from = engine.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertTrue(from.startsWith(FOLDER.resolve("lib").toUri().getPath() + "polyglot-"), from);
        // Kestra's API is Kestra's: the task is a Task of the server's class loader.
        assertSame(Task.class, Class.forName("io.kestra.core.models.tasks.Task", false, loader));
        assertTrue(Task.class.isAssignableFrom(python));
    }
}
