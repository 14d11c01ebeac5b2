package dev.kestrasdk.runner;

import dev.kestrasdk.runner.language.GuestLanguage;
import dev.kestrasdk.runner.language.Languages;

/** The two registered languages the runner's tests write scripts in. */
public final class TestLanguages {
    public static final GuestLanguage PYTHON = Languages.named("python");
    public static final GuestLanguage JAVASCRIPT = Languages.named("js");

    private TestLanguages() {
    }
}
