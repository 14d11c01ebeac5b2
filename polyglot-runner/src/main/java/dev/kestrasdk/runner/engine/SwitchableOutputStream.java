package dev.kestrasdk.runner.engine;

import java.io.IOException;
import java.io.OutputStream;

/** A console stream whose target is set when a pooled context is given to a script; before that, output is dropped. */
final class SwitchableOutputStream extends OutputStream {
    private volatile OutputStream target = OutputStream.nullOutputStream();

    void switchTo(OutputStream next) {
        target = next;
    }

    @Override
    public void write(int b) throws IOException {
        target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }
}
