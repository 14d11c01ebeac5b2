'use strict';
// The public API: @kestra-io/libs's Kestra, as CommonJS and as an ES module, and how lines are written.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const Kestra = require('@kestra-io/libs');
const { collecting } = require('./helpers.cjs');

function withEmitter(body) {
  const c = collecting();
  const previous = Kestra.setEmitter(c.emitter);
  try {
    return body(c);
  } finally {
    Kestra.setEmitter(previous);
  }
}

test('the worked example of Appendix A', () => withEmitter((c) => {
  Kestra.outputs({ file: 'orders.csv', rows: 42, ratio: 0.25, loaded_at: new Date(Date.UTC(2024, 0, 31, 9, 5, 7, 250)),
    regions: ['eu', 'us'], 'R\u00e9sum\u00e9': 'ok \u2028 done' });
  Kestra.counter('rows', 42, { file: 'orders.csv' });
  Kestra.timer('load', 2.12);
  Kestra.gauge('queue_depth', 1.5, { env: 'prod' });
  Kestra.logger().info('loaded 42 rows');
  Kestra.logger().info('done');
  Kestra.assets({ inputs: [{ id: 'raw_orders', type: 'TABLE' }], outputs: [{ id: 'orders', type: 'TABLE', metadata: { rows: 42 } }] });
  assert.throws(() => Kestra.outputs({ rows: 43, ratio: NaN }), { name: 'RangeError', message: 'outputs.ratio: NaN is not valid JSON' });
  Kestra.outputs({ rows: 43 });
  assert.deepEqual(c.out, [
    '::{"outputs":{"R\\u00e9sum\\u00e9":"ok \\u2028 done","file":"orders.csv","loaded_at":"2024-01-31T09:05:07.25Z","ratio":0.25,"regions":["eu","us"],"rows":42}}::\n',
    '::{"metrics":[{"name":"rows","tags":{"file":"orders.csv"},"type":"counter","value":42}]}::\n',
    '::{"metrics":[{"name":"load","tags":{},"type":"timer","value":2.12}]}::\n',
    '::{"metrics":[{"name":"queue_depth","tags":{"env":"prod"},"type":"gauge","value":1.5}]}::\n',
    '::{"logs":[{"level":"INFO","message":"loaded 42 rows"}]}::\n',
    '::{"logs":[{"level":"INFO","message":"done"}]}::\n',
    '::{"assets":{"inputs":[{"id":"raw_orders","type":"TABLE"}],"outputs":[{"id":"orders","metadata":{"rows":42},"type":"TABLE"}]}}::\n',
    '::{"outputs":{"rows":43}}::\n',
  ]);
  assert.deepEqual(c.err, []);
}));

test('the logger: one line per call, an entry per argument, WARN and ERROR on stderr', () => withEmitter((c) => {
  const log = Kestra.logger();
  log.trace('t');
  log.debug('d', 1, { a: [1] }, null, undefined);
  log.warn('w');
  log.error('e');
  assert.deepEqual(c.out, ['::{"logs":[{"level":"TRACE","message":"t"}]}::\n',
    '::{"logs":[{"level":"DEBUG","message":"d"},{"level":"DEBUG","message":"1"},{"level":"DEBUG","message":"{\\"a\\":[1]}"},'
    + '{"level":"DEBUG","message":"null"},{"level":"DEBUG","message":"undefined"}]}::\n']);
  assert.deepEqual(c.err, ['::{"logs":[{"level":"WARN","message":"w"}]}::\n', '::{"logs":[{"level":"ERROR","message":"e"}]}::\n']);
  assert.throws(() => log.info(), { name: 'RangeError', message: 'messages: at least one message is required' });
}));

function timerValue(line) {
  const m = /^::\{"metrics":\[\{"name":"[^"]*","tags":\{.*\},"type":"timer","value":([^}]+)\}\]\}::\n$/.exec(line);
  assert.ok(m, line);
  return Number(m[1]);
}

test('timer(name, fn): until done() is called, with a monotonic clock', async () => {
  const c = collecting();
  const previous = Kestra.setEmitter(c.emitter);
  // a timer never records more than the time measured around it, nor much less than the delay it waited for
  // (Node may fire a timer a little before its delay has passed on another clock)
  const within = (line, fromMs, outer) => {
    const v = timerValue(line);
    assert.ok(v >= fromMs / 1000 && v <= Number(process.hrtime.bigint() - outer) / 1e9, `${line} (from ${fromMs} ms)`);
  };
  try {
    assert.equal(Kestra.timer('sync', () => 5), 5);
    let outer = process.hrtime.bigint();
    await new Promise((resolve) => Kestra.timer('callback', (done) => setTimeout(() => { done(); done(); resolve(); }, 30), { t: 'x' }));
    within(c.out[1], 15, outer);
    outer = process.hrtime.bigint();
    assert.equal(await Kestra.timer('promise', () => new Promise((r) => setTimeout(() => r('v'), 20))), 'v');
    within(c.out[2], 10, outer);
    await assert.rejects(Kestra.timer('rejects', () => Promise.reject(new Error('no'))), { message: 'no' });
    assert.throws(() => Kestra.timer('throws', () => { throw new Error('boom'); }), { message: 'boom' });
    assert.equal(c.out.length, 5);
    assert.ok(c.out[1].startsWith('::{"metrics":[{"name":"callback","tags":{"t":"x"},"type":"timer","value":'));
    assert.ok(c.out[4].startsWith('::{"metrics":[{"name":"throws",'));
  } finally {
    Kestra.setEmitter(previous);
  }
});

test('timer(name, fn) checks the name and tags before the work', () => withEmitter((c) => {
  let ran = false;
  assert.throws(() => Kestra.timer('', () => { ran = true; }), { name: 'RangeError', message: 'name: metric name must not be empty' });
  assert.throws(() => Kestra.timer('t', () => { ran = true; }, { t: null }),
    { name: 'TypeError', message: 'tags.t: a tag value must be a string, number or boolean, not null' });
  assert.equal(ran, false);
  assert.deepEqual(c.out, []);
}));

test('errors carry their kind, path and problem', () => withEmitter(() => {
  assert.throws(() => Kestra.outputs({ f: () => 1 }), (e) => e instanceof TypeError && e instanceof Kestra.WireTypeError
    && e.kind === 'TYPE' && e.path === 'outputs.f' && e.problem === 'a function is not a value that can be written');
}));

test('format gives the canonical line of a message', () => {
  assert.equal(Kestra.format({ outputs: { b: 1, a: 2.5 } }), '::{"outputs":{"a":2.5,"b":1}}::');
  assert.throws(() => Kestra.format({ outputs: { x: NaN } }), { message: 'outputs.x: NaN is not valid JSON' });
});

test('a line longer than 16 KiB warns once', () => {
  const c = collecting();
  c.emitter.outputs({ s: 'x'.repeat(16384 - '::{"outputs":{"s":""}}::'.length) });
  assert.deepEqual(c.warnings, []);
  c.emitter.outputs({ s: 'x'.repeat(16400) });
  c.emitter.outputs({ s: 'x'.repeat(16400) });
  assert.deepEqual(c.warnings, ["kestra-sdk: warning: a protocol line of 16424 bytes was written; Docker's log driver splits "
    + "lines longer than 16 KiB and a split line is lost to Kestra (see docs/wire-format.md, 'Line length'): prefer output files for large data\n"]);
});

function node(args, input) {
  return spawnSync(process.execPath, args, { cwd: path.join(__dirname, '..'), input, encoding: 'utf8' });
}

test('a script writes to stdout and stderr, synchronously, also as an ES module', () => {
  const cjs = node(['-e', "const K = require('@kestra-io/libs'); K.outputs({a: 1}); K.logger().error('bad'); process.exit(0)"]);
  assert.equal(cjs.stdout, '::{"outputs":{"a":1}}::\n');
  assert.equal(cjs.stderr, '::{"logs":[{"level":"ERROR","message":"bad"}]}::\n');
  const esm = node(['--input-type=module', '-e', "import K from '@kestra-io/libs'; K.counter('c', 2n ** 70n);"]);
  assert.equal(esm.stdout, '::{"metrics":[{"name":"c","tags":{},"type":"counter","value":1180591620717411303424}]}::\n');
  assert.equal(esm.stderr, '');
});
