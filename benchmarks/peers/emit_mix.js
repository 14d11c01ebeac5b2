// The fixed emission mix (benchmarks/src/main/java/dev/kestrasdk/bench/Mix.java) through the upstream npm
// @kestra-io/libs library on Node. Usage: node emit_mix.js ROUNDS > file; prints lines/s of the loop to stderr.
const Kestra = require('@kestra-io/libs');

const rounds = Number(process.argv[2]);
const start = process.hrtime.bigint();
for (let i = 0; i < rounds; i++) {
    Kestra.outputs({rows: i, ratio: i / 8, file: 'orders.csv', ok: true, parts: ['a', 'b'], missing: null});
    Kestra.counter('rows', i, {file: 'orders.csv'});
}
const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
process.stderr.write(`lines_per_second=${2 * rounds / elapsed}\n`);
