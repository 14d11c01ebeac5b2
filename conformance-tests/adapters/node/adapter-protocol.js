'use strict';
// The adapter side of the harness protocol (docs/conformance.md), shared by the JavaScript adapters: one request
// per line on stdin, the calls made in order until one throws, one status line per case.
const readline = require('readline');
const { Unsupported } = require('./typed-values.js');

const STATUS = '#kestra-conformance ';

function kindOf(e) {
  if (e instanceof TypeError) return 'TYPE';
  if (e instanceof RangeError) return 'VALUE';
  return 'OTHER';
}

function handle(line, make) {
  const request = JSON.parse(line);
  const status = { case: request.case };
  try {
    for (const call of request.calls) {
      make(call);
    }
    status.status = 'ok';
  } catch (e) {
    if (e instanceof Unsupported) {
      status.status = 'unsupported';
      status.reason = e.message;
    } else {
      status.status = 'error';
      status.kind = kindOf(e);
      status.message = String(e && e.message);
    }
  }
  process.stdout.write(STATUS + JSON.stringify(status) + '\n');
}

/** Answers every request on stdin with make(call) for each call. */
function serve(make) {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on('line', (line) => {
    if (line.trim() !== '') {
      handle(line, make);
    }
  });
}

module.exports = { serve };
