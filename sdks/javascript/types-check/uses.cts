// CommonJS: `require` resolves through package.json's "require" condition to index.d.ts.
import Kestra = require('@kestra-io/libs');

Kestra.outputs({ rows: 42, file: 'orders.csv', ratio: 0.25 });
Kestra.outputs(new Map<string, unknown>([['rows', 42]]));
Kestra.counter('rows', 42, { file: 'orders.csv' });
Kestra.gauge('ratio', 5n, null);
Kestra.timer('load', 1.5);
const answer: number = Kestra.timer('work', (done: () => void) => { done(); return 42; }, { step: 1 });
const logger: Kestra.Logger = Kestra.logger();
logger.warn('slow', answer);
const line: string = Kestra.format({ outputs: { a: 1 } });
const emitter: Kestra.Emitter = new Kestra.Emitter({ stdout: (text: string) => void text });
const previous: Kestra.Emitter = Kestra.setEmitter(emitter);
emitter.metric('counter', 'rows', 1n, new Map([['env', true]]));
emitter.log('INFO', ['a', null]);
Kestra.setEmitter(previous);
try {
  Kestra.outputs({ bad: NaN });
} catch (e) {
  if (e instanceof Kestra.WireRangeError) {
    const kind: 'VALUE' = e.kind;
    console.error(kind, e.path, e.problem, line);
  }
}
const version: '1.0' = Kestra.WIRE_FORMAT_VERSION;
void version;
