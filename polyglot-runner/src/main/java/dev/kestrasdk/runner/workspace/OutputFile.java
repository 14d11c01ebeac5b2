package dev.kestrasdk.runner.workspace;

import java.nio.file.Path;

/**
 * A file a script left for Kestra to keep: one matching an {@code outputFiles} glob or written to {@code outputDir}.
 *
 * @param name its name as Kestra keys it: relative to the working directory for a glob's match, to
 *             {@code outputDir} for a file written there ({@code '/'} between folders)
 * @param size its size in bytes
 * @param path where it is after the run: the copy in the output directory when one was given, else the file in
 *             the working directory when that was kept; {@code null} when it was deleted with the working directory
 */
public record OutputFile(String name, long size, Path path) {
}
