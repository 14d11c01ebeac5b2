package dev.kestrasdk.runner.workspace;

/**
 * How much of a folder is copied into a fresh working directory. Past either limit the run does not start: a
 * script next to a home directory or a repository would otherwise copy all of it.
 *
 * @param maxFiles the files (and symbolic links) copied, at most
 * @param maxBytes their sizes added up, at most
 */
public record WorkspaceLimits(int maxFiles, long maxBytes) {
    /** 10,000 files, 256 MiB. */
    public static final WorkspaceLimits DEFAULTS = new WorkspaceLimits(10_000, 256L * 1024 * 1024);

    public WorkspaceLimits {
        if (maxFiles < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("workspace limits cannot be negative: " + maxFiles + " files, " + maxBytes + " bytes");
        }
    }
}
