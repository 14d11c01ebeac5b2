#!/usr/bin/env node
// Conformance adapter for this project's native JavaScript SDK, sdks/javascript (docs/conformance.md). Loads the
// SDK from sdks/javascript (not an installed copy) and makes each call as a script would: Kestra.outputs, counter,
// gauge, timer, assets, and Kestra.emitter().log(level, messages) for a log call (the logger has one method per
// level and turns every argument into text, so it cannot pass a missing level or list). WARN and ERROR lines,
// which the SDK writes to standard error, go to standard output, where the harness reads a case.
'use strict';

const path = require('path');
const Kestra = require(path.join(__dirname, '..', '..', '..', 'sdks', 'javascript'));
const { serve } = require('../node/adapter-protocol.js');
const { decode, setUnsupportedValue } = require('../node/typed-values.js');

// A class instance is a map of its own members in JavaScript (wire-format.md 6.1): the value no SDK writes is a
// Symbol here, as the vectors' README gives it for JavaScript.
setUnsupportedValue(() => Symbol('unsupported'));
Kestra.setEmitter(new Kestra.Emitter({ stderr: (text) => process.stdout.write(text), stdout: (text) => process.stdout.write(text) }));

function make(call) {
  const a = call.args;
  switch (call.verb) {
    case 'outputs':
    case 'assets':
      return Kestra[call.verb](decode(a.values));
    case 'counter':
    case 'gauge':
    case 'timer': {
      const args = [a.name, decode(a.value)];
      if ('tags' in a) {
        args.push(decode(a.tags));
      }
      return Kestra[call.verb](...args);
    }
    case 'log':
      return Kestra.emitter().log(a.level, a.messages);
    default:
      throw new Error('unknown verb ' + call.verb);
  }
}

serve(make);
