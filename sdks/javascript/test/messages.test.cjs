'use strict';
// Metrics, logs and assets (wire-format.md 3.2 to 3.4).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const messages = require('../src/messages.cjs');
const { refused } = require('./helpers.cjs');

const metric = messages.metric;

test('metric lines: four keys in order, tags {} when none', () => {
  assert.equal(metric('counter', 'rows', 42, { file: 'orders.csv' }),
    '::{"metrics":[{"name":"rows","tags":{"file":"orders.csv"},"type":"counter","value":42}]}::');
  assert.equal(metric('gauge', 'queue_depth', 1.5, new Map([['env', 'prod'], ['az', 'b']])),
    '::{"metrics":[{"name":"queue_depth","tags":{"az":"b","env":"prod"},"type":"gauge","value":1.5}]}::');
  for (const tags of [undefined, null, {}]) {
    assert.equal(metric('timer', 'load', 2.12, tags), '::{"metrics":[{"name":"load","tags":{},"type":"timer","value":2.12}]}::');
  }
  assert.equal(metric('counter', 'c', 1, { flag: true, n: 7, big: 2n ** 64n, state: 'NEW' }),
    '::{"metrics":[{"name":"c","tags":{"big":18446744073709551616,"flag":true,"n":7,"state":"NEW"},"type":"counter","value":1}]}::');
});

test('bad metrics are refused', () => {
  const cases = [
    [[null, 'c', 1], 'TYPE', 'type: metric type is required (counter, gauge or timer)'],
    [['histogram', 'c', 1], 'VALUE', 'type: metric type must be counter, gauge or timer, not "histogram"'],
    [['counter', null, 1], 'TYPE', 'name: metric name is required, not null'],
    [['counter', 5, 1], 'TYPE', 'name: metric name must be a string, not number'],
    [['counter', '', 1], 'VALUE', 'name: metric name must not be empty'],
    [['counter', 'c', undefined], 'TYPE', 'value: a metric value is required, not undefined'],
    [['counter', 'c', '12'], 'TYPE', 'value: a metric value must be a number, not string'],
    [['counter', 'c', true], 'TYPE', 'value: a metric value must be a number, not boolean'],
    [['gauge', 'c', NaN], 'VALUE', 'value: NaN is not valid JSON'],
    [['counter', 'c', 2n ** 1024n], 'VALUE', 'value: integer 179769313486... is beyond the range of a 64-bit float; Kestra holds metric values as doubles and would record Infinity'],
    [['counter', 'c', 1, { env: null }], 'TYPE', 'tags.env: a tag value must be a string, number or boolean, not null'],
    [['counter', 'c', 1, { env: { a: 1 } }], 'TYPE', 'tags.env: a tag value must be a string, number or boolean, not Object (tags are flat)'],
    [['counter', 'c', 1, { 'my tag': [1] }], 'TYPE', 'tags["my tag"]: a tag value must be a string, number or boolean, not Array (tags are flat)'],
    [['counter', 'c', 1, { d: new Date(0) }], 'TYPE', 'tags.d: a tag value must be a string, number or boolean, not Date'],
    [['counter', 'c', 1, { x: Infinity }], 'VALUE', 'tags.x: Infinity is not valid JSON'],
    [['counter', 'c', 1, new Map([[1, 'a']])], 'TYPE', 'tags: map key 1 is a number, not a string'],
    [['counter', 'c', 1, ['a']], 'TYPE', 'tags: tags must be a map, not Array'],
  ];
  for (const [args, kind, message] of cases) {
    refused(() => metric(...args), kind, message);
  }
});

test('timers: seconds, never negative, within a Java Duration', () => {
  const line = (v) => `::{"metrics":[{"name":"load","tags":{},"type":"timer","value":${v}}]}::`;
  assert.equal(metric('timer', 'load', -0), line('-0.0'));
  assert.equal(metric('timer', 'load', 1e-10), line('1e-10'));
  assert.equal(metric('timer', 'load', 9223372036854775807n), line('9223372036854775807'));
  refused(() => metric('timer', 'load', -1), 'VALUE', 'value: a timer cannot be negative (-1 seconds)');
  refused(() => metric('timer', 'load', -1.5), 'VALUE', 'value: a timer cannot be negative (-1.5 seconds)');
  refused(() => metric('timer', 'load', -2n), 'VALUE', 'value: a timer cannot be negative (-2 seconds)');
  refused(() => metric('timer', 'load', -Infinity), 'VALUE', 'value: -Infinity is not valid JSON');
  refused(() => metric('timer', 'load', 9223372036854775808n), 'VALUE',
    'value: a timer of 9223372036854775808 seconds does not fit the Duration Kestra stores (at most 9223372036854775807 seconds)');
  refused(() => metric('timer', 'load', 1e19), 'VALUE',
    'value: a timer of 10000000000000000000.0 seconds does not fit the Duration Kestra stores (at most 9223372036854775807 seconds)');
  assert.equal(messages.measuredTimer('load', 123456789n), line('0.123456789'));
  assert.equal(messages.measuredTimer('load', 1n), line('1e-9'));
  assert.equal(messages.measuredTimer('load', 90000000000n), line('90.0'));
  assert.equal(messages.measuredTimer('load', 0n), line('0.0'));
});

test('logs: one entry per message, null as "null"', () => {
  assert.equal(messages.log('INFO', ['hi', 'there']), '::{"logs":[{"level":"INFO","message":"hi"},{"level":"INFO","message":"there"}]}::');
  assert.equal(messages.log('WARN', [null]), '::{"logs":[{"level":"WARN","message":"null"}]}::');
  refused(() => messages.log(null, ['a']), 'TYPE', 'level: log level is required (TRACE, DEBUG, INFO, WARN or ERROR)');
  refused(() => messages.log('warn', ['a']), 'VALUE', 'level: log level must be TRACE, DEBUG, INFO, WARN or ERROR, not "warn"');
  refused(() => messages.log('INFO', null), 'TYPE', 'messages: at least one message is required');
  refused(() => messages.log('INFO', []), 'VALUE', 'messages: at least one message is required');
  refused(() => messages.log('INFO', 'a'), 'TYPE', 'messages: messages must be an array of strings, not string');
  refused(() => messages.log('INFO', ['a', 5]), 'TYPE', 'messages[1]: a log message must be a string, not number');
  refused(() => messages.log('INFO', ['a', '\udfff']), 'VALUE', "messages[1]: lone surrogate U+DFFF at index 0 is not Unicode text (Kestra would read '?')");
});

test('assets: the example of 3.4, and what Kestra would not read', () => {
  assert.equal(messages.assets({ inputs: [{ id: 'raw_orders', type: 'TABLE' }],
    outputs: [{ id: 'orders', type: 'TABLE', namespace: 'company.team', metadata: { rows: 42 } }] }),
  '::{"assets":{"inputs":[{"id":"raw_orders","type":"TABLE"}],"outputs":[{"id":"orders","metadata":{"rows":42},"namespace":"company.team","type":"TABLE"}]}}::');
  assert.equal(messages.assets({ outputs: [{ type: 'T', created: new Date(0), updated: '2024-01-31T10:05+01:00' }] }),
    '::{"assets":{"outputs":[{"created":"1970-01-01T00:00:00Z","type":"T","updated":"2024-01-31T10:05+01:00"}]}}::');
  const needsType = 'an output asset needs a type (TABLE, FILE, ...); Kestra rejects the line without one';
  const cases = [
    [null, 'TYPE', 'assets: assets must be a map, not null'],
    [{ id: 'x' }, 'VALUE', 'assets: key id is not read by Kestra; an assets payload has "inputs" and "outputs" lists'],
    [{ inputs: { id: 'x' } }, 'TYPE', 'assets.inputs: must be a list of asset maps, not Object'],
    [{ outputs: [null] }, 'TYPE', 'assets.outputs[0]: an asset must be a map, not null'],
    [{ outputs: [{ type: 'T', created: 'yesterday' }] }, 'VALUE', 'assets.outputs[0].created: must be an instant (a Date, or ISO-8601 text with an offset), not "yesterday"'],
    [{ outputs: [{ type: 'T', updated: 5 }] }, 'TYPE', 'assets.outputs[0].updated: must be an instant (a Date, or ISO-8601 text with an offset), not number'],
    [{ outputs: [{ type: 'T', deleted: 'no' }] }, 'TYPE', 'assets.outputs[0].deleted: must be a boolean, not string'],
    [{ inputs: [{ id: 5 }] }, 'TYPE', 'assets.inputs[0].id: must be a string, not number'],
    [{ outputs: [{ type: 'T', metadata: [1] }] }, 'TYPE', 'assets.outputs[0].metadata: must be a map, not Array'],
    [{ outputs: [{ id: 't' }] }, 'VALUE', 'assets.outputs[0].type: ' + needsType],
    [{ inputs: [{ id: 'a', x: NaN }], outputs: [{}] }, 'VALUE', 'assets.outputs[0].type: ' + needsType],
    [{ inputs: [{ id: 'a', x: NaN }] }, 'VALUE', 'assets.inputs[0].x: NaN is not valid JSON'],
  ];
  for (const [v, kind, message] of cases) {
    refused(() => messages.assets(v), kind, message);
  }
});
