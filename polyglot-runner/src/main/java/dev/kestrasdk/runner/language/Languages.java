package dev.kestrasdk.runner.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/** The registry of guest languages: every {@link GuestLanguage} on the class path, in services-file order. */
public final class Languages {
    private static final List<GuestLanguage> ALL = load();

    private Languages() {
    }

    private static List<GuestLanguage> load() {
        List<GuestLanguage> all = new ArrayList<>();
        ServiceLoader.load(GuestLanguage.class, Languages.class.getClassLoader()).forEach(all::add);
        return List.copyOf(all);
    }

    /** Every registered language. */
    public static List<GuestLanguage> all() {
        return ALL;
    }

    /** The language called {@code name} or one of its aliases, in any case. */
    public static Optional<GuestLanguage> byName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(l -> l.name().equals(wanted) || l.aliases().contains(wanted)).findFirst();
    }

    /**
     * The language called {@code name}, for callers that name a language this build ships.
     *
     * @throws IllegalArgumentException naming the registered languages when none is called so
     */
    public static GuestLanguage named(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException(
                "no guest language called " + name + " (registered: " + String.join(", ", names()) + ")"));
    }

    /** The language of a script file from its extension. */
    public static Optional<GuestLanguage> forFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(l -> l.fileExtensions().stream().anyMatch(name::endsWith)).findFirst();
    }

    /** The registered languages' names, in order. */
    public static List<String> names() {
        return ALL.stream().map(GuestLanguage::name).toList();
    }

    /** Every registered file extension, in order: {@code .py}, {@code .js}, {@code .mjs}, {@code .cjs}. */
    public static List<String> fileExtensions() {
        return ALL.stream().flatMap(l -> l.fileExtensions().stream()).toList();
    }

    /** Words for a message: {@code a}, {@code a or b}, {@code a, b or c}. */
    public static String oneOf(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
