package dev.kestrasdk.runner.engine;

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
        };
    }
}
