'use strict';
// The four messages (wire-format.md section 3), each encoded into one complete line before anything is written.
const fast = require('./fast.cjs');
const numbers = require('./numbers.cjs');
const strings = require('./strings.cjs');
const values = require('./values.cjs');
const { WireTypeError, WireRangeError, typeName } = require('./errors.cjs');

const METRIC_TYPES = ['counter', 'gauge', 'timer'];
const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'];
const MAX_TIMER_SECONDS = 9223372036854775807n; // the most seconds a Java Duration, Kestra's timer value, holds

function notAMap(root, v) {
  return new WireTypeError(root, `${root} must be a map, not ${typeName(v)}`);
}

function outputs(v) {
  if (!values.isMapLike(v)) {
    throw notAMap('outputs', v);
  }
  return '::{"outputs":' + values.write('outputs', v, 2) + '}::';
}

function assets(v) {
  if (!values.isMapLike(v)) {
    throw notAMap('assets', v);
  }
  checkAssetShape(v);
  return '::{"assets":' + values.write('assets', v, 2) + '}::';
}

// --- metrics

function checkName(name) {
  if (name === null || name === undefined) {
    throw new WireTypeError('name', `metric name is required, not ${name}`);
  }
  if (typeof name !== 'string') {
    throw new WireTypeError('name', `metric name must be a string, not ${typeName(name)}`);
  }
  if (name === '') {
    throw new WireRangeError('name', 'metric name must not be empty');
  }
  strings.check('name', name);
}

/** Own string keys of a plain object or Map, each checked to be a string, in sorted order. */
function sortedEntries(path, m) {
  if (m instanceof Map) {
    for (const k of m.keys()) {
      if (typeof k !== 'string') {
        throw new WireTypeError(path, `map key ${String(k).slice(0, 40)} is a ${typeName(k)}, not a string`);
      }
    }
    return [...m.keys()].filter((k) => m.get(k) !== undefined).sort().map((k) => [k, m.get(k)]);
  }
  return Object.keys(m).filter((k) => m[k] !== undefined).sort().map((k) => [k, m[k]]);
}

function tagsText(tags) {
  if (tags === null || tags === undefined) {
    return '{}';
  }
  if (!values.isMapLike(tags)) {
    throw new WireTypeError('tags', `tags must be a map, not ${typeName(tags)}`);
  }
  const parts = [];
  for (const [k, v] of sortedEntries('tags', tags)) {
    const path = values.keyPath('tags', k);
    strings.check(path, k);
    parts.push(strings.quote(k) + ':' + tagValue(path, v));
  }
  return '{' + parts.join(',') + '}';
}

function tagValue(path, v) {
  switch (typeof v) {
    case 'string':
      return strings.string(path, v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return numbers.number(path, v);
    case 'bigint':
      return numbers.bigint(path, v);
    default: {
      if (v === null) {
        throw new WireTypeError(path, 'a tag value must be a string, number or boolean, not null');
      }
      const flat = typeof v === 'object' && !(v instanceof Date) ? ' (tags are flat)' : '';
      throw new WireTypeError(path, `a tag value must be a string, number or boolean, not ${typeName(v)}${flat}`);
    }
  }
}

function metricLine(name, tags, type, value) {
  return '::{"metrics":[{"name":' + strings.quote(name) + ',"tags":' + tags + ',"type":"' + type + '","value":' + value + '}]}::';
}

function metric(type, name, value, tags) {
  if (type === null || type === undefined) {
    throw new WireTypeError('type', 'metric type is required (counter, gauge or timer)');
  }
  if (!METRIC_TYPES.includes(type)) {
    throw new WireRangeError('type', `metric type must be counter, gauge or timer, not ${JSON.stringify(type)}`);
  }
  const line = fastMetric(type, name, value, tags);
  if (line !== fast.SLOW) {
    return line;
  }
  checkName(name);
  const tagText = tagsText(tags);
  return metricLine(name, tagText, type, metricValue(type, value));
}

/** The line of a metric whose name, tags and value (a finite number the type accepts) the fast path writes, or SLOW. */
function fastMetric(type, name, value, tags) {
  if (typeof name !== 'string' || name === '' || typeof value !== 'number') return fast.SLOW;
  if (type === 'timer' && !(value >= 0 && value < 9223372036854775808)) return fast.SLOW; // -0 is >= 0: written -0.0
  const nameText = fast.string(name);
  const tagText = fast.tags(tags);
  const valueText = fast.value(value, 1);
  if (nameText === fast.SLOW || tagText === fast.SLOW || valueText === fast.SLOW) return fast.SLOW;
  return '::{"metrics":[{"name":' + nameText + ',"tags":' + tagText + ',"type":"' + type + '","value":' + valueText + '}]}::';
}

function beyondDouble(b) {
  return new WireRangeError('value', `integer ${b.toString().slice(0, 12)}... is beyond the range of a 64-bit float; `
    + 'Kestra holds metric values as doubles and would record Infinity');
}

function metricValue(type, v) {
  if (v === null || v === undefined) {
    throw new WireTypeError('value', `a metric value is required, not ${v}`);
  }
  if (typeof v !== 'number' && typeof v !== 'bigint') {
    throw new WireTypeError('value', `a metric value must be a number, not ${typeName(v)}`);
  }
  if (typeof v === 'number') {
    const problem = numbers.nonFinite(v);
    if (problem !== null) {
      throw new WireRangeError('value', problem);
    }
  }
  if (type === 'timer' && v < 0) { // -0 is not negative: it is written -0.0
    throw new WireRangeError('value', `a timer cannot be negative (${typeof v === 'number' ? numbers.number('value', v) : v} seconds)`);
  }
  let text;
  if (typeof v === 'bigint') {
    if (!numbers.fitsDouble(v)) {
      throw beyondDouble(v);
    }
    text = numbers.bigint('value', v);
  } else {
    text = numbers.number('value', v);
  }
  if (type === 'timer' && (typeof v === 'bigint' ? v > MAX_TIMER_SECONDS : v >= 9223372036854775808)) {
    throw new WireRangeError('value', `a timer of ${text} seconds does not fit the Duration Kestra stores `
      + `(at most ${MAX_TIMER_SECONDS} seconds)`);
  }
  return text;
}

/** The timer line of a measured duration (a BigInt of nanoseconds), exact to the nanosecond. */
function measuredTimer(name, nanos, tags) {
  checkName(name);
  return metricLine(name, tagsText(tags), 'timer', numbers.exactSeconds(nanos));
}

function checkTimerHead(name, tags) {
  checkName(name);
  tagsText(tags);
}

// --- logs

function log(level, messages) {
  if (level === null || level === undefined) {
    throw new WireTypeError('level', 'log level is required (TRACE, DEBUG, INFO, WARN or ERROR)');
  }
  if (!LEVELS.includes(level)) {
    throw new WireRangeError('level', `log level must be TRACE, DEBUG, INFO, WARN or ERROR, not ${JSON.stringify(level)}`);
  }
  if (messages === null || messages === undefined) {
    throw new WireTypeError('messages', 'at least one message is required');
  }
  if (!Array.isArray(messages)) {
    throw new WireTypeError('messages', `messages must be an array of strings, not ${typeName(messages)}`);
  }
  if (messages.length === 0) {
    throw new WireRangeError('messages', 'at least one message is required');
  }
  const head = '{"level":"' + level + '","message":';
  const entries = messages.map((m, i) => {
    if (m === null) {
      return head + '"null"}';
    }
    if (typeof m !== 'string') {
      throw new WireTypeError(`messages[${i}]`, `a log message must be a string, not ${typeName(m)}`);
    }
    const text = fast.string(m); // the path only for a message that may be refused
    return head + (text !== fast.SLOW ? text : strings.string(`messages[${i}]`, m)) + '}';
  });
  return '::{"logs":[' + entries.join(',') + ']}::';
}

// --- assets (3.4): the structure Kestra needs, checked in canonical order before anything is written

const ASSET_FIELDS = ['created', 'deleted', 'description', 'displayName', 'id', 'metadata', 'namespace', 'tenantId', 'type', 'updated'];
const OFFSET_DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.\d{1,9})?)?(?:Z|[+-](\d\d):(\d\d)(?::(\d\d))?)$/;

function checkAssetShape(v) {
  for (const [name, items] of sortedEntries('assets', v)) {
    if (name !== 'inputs' && name !== 'outputs') {
      throw new WireRangeError('assets', `key ${name} is not read by Kestra; an assets payload has "inputs" and "outputs" lists`);
    }
    const path = 'assets.' + name;
    if (items === null) {
      continue;
    }
    if (!Array.isArray(items)) {
      throw new WireTypeError(path, `must be a list of asset maps, not ${typeName(items)}`);
    }
    items.forEach((asset, i) => {
      const at = `${path}[${i}]`;
      if (!values.isMapLike(asset)) {
        throw new WireTypeError(at, `an asset must be a map, not ${typeName(asset)}`);
      }
      checkAsset(name === 'outputs', asset, at);
    });
  }
}

function checkAsset(output, asset, path) {
  const get = (k) => (asset instanceof Map ? asset.get(k) : asset[k]);
  for (const field of ASSET_FIELDS) {
    const v = get(field) === undefined ? null : get(field);
    const at = path + '.' + field;
    if (field === 'created' || field === 'updated') {
      if (v !== null && !isInstant(v)) {
        const Err = typeof v === 'string' ? WireRangeError : WireTypeError;
        throw new Err(at, 'must be an instant (a Date, or ISO-8601 text with an offset), not '
          + (typeof v === 'string' ? JSON.stringify(v) : typeName(v)));
      }
    } else if (field === 'deleted') {
      if (v !== null && typeof v !== 'boolean') {
        throw new WireTypeError(at, `must be a boolean, not ${typeName(v)}`);
      }
    } else if (field === 'metadata') {
      if (v !== null && !values.isMapLike(v)) {
        throw new WireTypeError(at, `must be a map, not ${typeName(v)}`);
      }
    } else {
      if (v !== null && typeof v !== 'string') {
        throw new WireTypeError(at, `must be a string, not ${typeName(v)}`);
      }
      if (field === 'type' && output && !v) {
        throw new WireRangeError(at, 'an output asset needs a type (TABLE, FILE, ...); Kestra rejects the line without one');
      }
    }
  }
}

function isInstant(v) {
  if (v instanceof Date) {
    return true;
  }
  if (typeof v !== 'string') {
    return false;
  }
  const m = OFFSET_DATE_TIME.exec(v);
  if (m === null) {
    return false;
  }
  const [, y, mo, d, h, mi, s, oh, om, os] = m.map((x) => (x === undefined ? 0 : Number(x)));
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60 && oh < 19 && om < 60 && os < 60;
}

module.exports = { outputs, assets, metric, measuredTimer, checkTimerHead, log, LEVELS };
