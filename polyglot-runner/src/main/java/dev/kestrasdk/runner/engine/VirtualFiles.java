package dev.kestrasdk.runner.engine;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** Read-only files that exist only in memory, laid over the real file system (for modules shipped in the jar). */
public interface VirtualFiles {
    VirtualFiles NONE = new VirtualFiles() {
        @Override
        public byte[] file(Path path) {
            return null;
        }

        @Override
        public boolean isDirectory(Path path) {
            return false;
        }
    };

    /** The content of the virtual file at this absolute, normalized path, or {@code null} if there is none. */
    byte[] file(Path path);

    /** Whether this absolute, normalized path is a virtual directory. */
    boolean isDirectory(Path path);

    /**
     * The path this absolute, normalized path stands for when a module loader asks for its real path
     * ({@code toRealPath}), or {@code null} for none: how an ES module import of a package name is resolved.
     *
     * @throws IOException when the path stands for something the script may not have, saying why (the loader's error)
     */
    default Path alias(Path path) throws IOException {
        return null;
    }

    /** The path a URI of a scheme other than {@code file} names ({@code node:fs}), or {@code null} for none. */
    default Path uriPath(URI uri) {
        return null;
    }

    /** The files of both, {@code first} winning. */
    static VirtualFiles overlay(VirtualFiles first, VirtualFiles second) {
        return new VirtualFiles() {
            @Override
            public byte[] file(Path path) {
                byte[] content = first.file(path);
                return content != null ? content : second.file(path);
            }

            @Override
            public boolean isDirectory(Path path) {
                return first.isDirectory(path) || second.isDirectory(path);
            }

            @Override
            public Path alias(Path path) throws IOException {
                Path alias = first.alias(path);
                return alias != null ? alias : second.alias(path);
            }

            @Override
            public Path uriPath(URI uri) {
                Path path = first.uriPath(uri);
                return path != null ? path : second.uriPath(uri);
            }
        };
    }
}
