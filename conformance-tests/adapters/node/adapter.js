#!/usr/bin/env node
// Conformance adapter for npm @kestra-io/libs (docs/conformance.md): one request per line on stdin,
// {"case": id, "calls": [...]}; the calls are made with the library as a script would make them, and one
// status line "#kestra-conformance {...}" ends each case.
'use strict';

const Kestra = require('@kestra-io/libs');
const { serve } = require('./adapter-protocol.js');
const { Unsupported, decode } = require('./typed-values.js');

// Kestra reads a script's stderr too: the library's logger writes WARN and ERROR with console.warn/console.error
// and TRACE with console.trace, to stderr. Send them to stdout, where the harness reads a case's lines, in order.
// (Node writes to pipes synchronously on Linux, so nothing needs flushing.)
process.stderr.write = process.stdout.write.bind(process.stdout);

const LOGGER_METHODS = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

function make(call) {
  const a = call.args;
  switch (call.verb) {
    case 'outputs':
      return Kestra.outputs(decode(a.values));
    case 'assets':
      return Kestra.assets(decode(a.values));
    case 'counter':
    case 'gauge':
    case 'timer': {
      const args = [a.name, decode(a.value)];
      if ('tags' in a) {
        args.push(decode(a.tags));
      }
      return Kestra[call.verb](...args);
    }
    case 'log': {
      if (a.level === null) {
        throw new Unsupported('the logger has one method per level, none without a level');
      }
      const logger = Kestra.logger();
      return logger[LOGGER_METHODS[a.level]](...(a.messages === null ? [] : a.messages));
    }
    default:
      throw new Error('unknown verb ' + call.verb);
  }
}

serve(make);
