package dev.kestrasdk.otel;

import dev.kestrasdk.Kestra;
import dev.kestrasdk.sink.LineSink;

/** Where the exporters' lines go unless told otherwise: wherever the {@link Kestra} facade's lines go at the time. */
final class LineSinks {
    private LineSinks() {
    }

    /** The facade's current sink (standard output, a discovered {@code LineSinkProvider}, or {@code Kestra.setSink}). */
    static final LineSink KESTRA = line -> Kestra.emitter().sink().accept(line);
}
