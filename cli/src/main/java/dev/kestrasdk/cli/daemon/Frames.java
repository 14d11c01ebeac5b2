package dev.kestrasdk.cli.daemon;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What the warm runner sends its client: frames of one type byte, a 4-byte big-endian length and that many bytes.
 * {@code R} (empty) says the command runs now, {@code O} and {@code E} carry the command's standard output and error, {@code X} its exit code (4 bytes), and
 * {@code D} (one byte: {@code 1} to start a warm runner, {@code 0} not) tells the client to run the command directly.
 * Writes after the client went away are dropped: the run goes on to its end, its output unread.
 */
final class Frames {
    static final byte RUNNING = 'R';
    static final byte STDOUT = 'O';
    static final byte STDERR = 'E';
    static final byte EXIT = 'X';
    static final byte DIRECT = 'D';

    private final DataOutputStream out;
    private boolean broken;

    Frames(OutputStream out) {
        this.out = new DataOutputStream(out);
    }

    synchronized void write(byte type, byte[] bytes, int offset, int length) {
        if (broken) {
            return;
        }
        try {
            out.writeByte(type);
            out.writeInt(length);
            out.write(bytes, offset, length);
            out.flush();
        } catch (IOException e) {
            broken = true;
        }
    }

    void exit(int code) {
        write(EXIT, new byte[]{(byte) (code >>> 24), (byte) (code >>> 16), (byte) (code >>> 8), (byte) code}, 0, 4);
    }

    /** Until this frame the client may still run the command directly if the warm runner goes away. */
    void running() {
        write(RUNNING, new byte[0], 0, 0);
    }

    void direct(boolean startWarmRunner) {
        write(DIRECT, new byte[]{(byte) (startWarmRunner ? '1' : '0')}, 0, 1);
    }

    /** A stream whose bytes go out as frames of {@code type}, one frame a write. */
    OutputStream stream(byte type) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                Frames.this.write(type, new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (len > 0) {
                    Frames.this.write(type, b, off, len);
                }
            }
        };
    }
}
