'use strict';
// The runner's emitter.cjs for otel.cjs, the native SDK's OpenTelemetry exporters served here as they are: the same
// write(line, toStderr) and warn(text), but a line goes through the runner's bridge into the script's stdout sink.
// A stdout(text) or warn(text) option given to an exporter is used as in the native SDK.

const bridge = globalThis[Symbol.for('dev.kestrasdk.runner.bridge')];
if (!bridge) {
  throw new Error('@kestra-io/libs: this copy works only inside the kestra-sdk polyglot runner');
}

const LARGE_LINE_BYTES = 16 * 1024;

function largeLineWarning(bytes) {
  return `kestra-sdk: warning: a protocol line of ${bytes} bytes was written; Docker's log driver splits lines longer `
    + "than 16 KiB and a split line is lost to Kestra (see docs/wire-format.md, 'Line length'): prefer output files for "
    + 'large data\n';
}

class Emitter {
  constructor(options = {}) {
    this.stdout = options.stdout || null;
    this.warn = options.warn || ((text) => bridge.write('stderr', text));
    this.warned = false;
  }

  write(line, toStderr) {
    if (this.stdout) {
      this.stdout(line + '\n');
    } else {
      const error = bridge.otlpLine(line);
      if (error != null) throw new RangeError(error.message);
    }
    if (line.length > LARGE_LINE_BYTES && !this.warned) {
      this.warned = true;
      this.warn(largeLineWarning(line.length));
    }
  }
}

module.exports = { Emitter, LARGE_LINE_BYTES };
