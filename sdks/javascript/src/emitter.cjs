'use strict';
// Writes complete lines (wire-format.md 2.2, 2.3): the line and its LF in one synchronous write, so the line is
// out before the call returns; WARN and ERROR logs to standard error, everything else to standard output.
const fs = require('fs');
const messages = require('./messages.cjs');

const LARGE_LINE_BYTES = 16 * 1024;

function largeLineWarning(bytes) {
  return `kestra-sdk: warning: a protocol line of ${bytes} bytes was written; Docker's log driver splits lines longer `
    + "than 16 KiB and a split line is lost to Kestra (see docs/wire-format.md, 'Line length'): prefer output files "
    + 'for large data\n';
}

/** Writes to a file descriptor synchronously, whatever kind of file it is (a pipe may be non-blocking). */
function fdWriter(fd) {
  return (text) => {
    let off = 0;
    try {
      off = fs.writeSync(fd, text); // canonical lines are ASCII: as many bytes as characters
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
    }
    if (off === text.length) return;
    const data = Buffer.from(text, 'latin1'); // the rest, from where the first write stopped
    while (off < data.length) {
      try {
        off += fs.writeSync(fd, data, off);
      } catch (e) {
        if (e.code !== 'EAGAIN') throw e;
      }
    }
  };
}

class Emitter {
  /**
   * @param {object} [options] `stdout(text)` and `stderr(text)`: where lines go (default: file descriptors 1 and 2,
   *   written synchronously); `warn(text)`: where the once-per-emitter large-line warning goes (default: fd 2)
   */
  constructor(options = {}) {
    this.stdout = options.stdout || fdWriter(1);
    this.stderr = options.stderr || fdWriter(2);
    this.warn = options.warn || fdWriter(2);
    this.warned = false;
  }

  outputs(values) {
    this.write(messages.outputs(values), false);
  }

  assets(values) {
    this.write(messages.assets(values), false);
  }

  metric(type, name, value, tags) {
    this.write(messages.metric(type, name, value, tags), false);
  }

  /** One `logs` line with an entry per message (an array of strings), all at `level` ('INFO', ...). */
  log(level, list) {
    this.write(messages.log(level, list), level === 'WARN' || level === 'ERROR');
  }

  /** Records a measured duration: a BigInt of nanoseconds. */
  measuredTimer(name, nanos, tags) {
    this.write(messages.measuredTimer(name, nanos, tags), false);
  }

  write(line, toStderr) {
    (toStderr ? this.stderr : this.stdout)(line + '\n');
    if (line.length > LARGE_LINE_BYTES && !this.warned) {
      this.warned = true;
      this.warn(largeLineWarning(line.length));
    }
  }
}

module.exports = { Emitter, LARGE_LINE_BYTES };
