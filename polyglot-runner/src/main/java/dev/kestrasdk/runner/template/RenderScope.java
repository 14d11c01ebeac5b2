package dev.kestrasdk.runner.template;

import java.nio.file.Path;

/**
 * The context and working directory of the rendering on this thread, for Kestra's functions ({@code read},
 * {@code secret}, {@code kv}, {@code now}). Reached through a thread-local for the reason {@link RenderBudget} is:
 * Pebble's function objects are shared by every rendering, and one rendering runs on one thread.
 */
record RenderScope(TemplateContext context, Path workingDirectory) {
    private static final ThreadLocal<RenderScope> CURRENT = new ThreadLocal<>();

    static RenderScope current() {
        RenderScope scope = CURRENT.get();
        return scope != null ? scope : new RenderScope(TemplateContext.NONE, Path.of("").toAbsolutePath());
    }

    void enter() {
        CURRENT.set(this);
    }

    static void leave() {
        CURRENT.remove();
    }
}
