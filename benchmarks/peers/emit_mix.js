// The fixed emission mix (benchmarks/src/main/java/dev/kestrasdk/bench/Mix.java) through the upstream npm
// @kestra-io/libs library on Node. Usage: node emit_mix.js ROUNDS > file; prints lines/s of the loop to stderr (wall
// clock, and CPU time of the process).
const Kestra = require('@kestra-io/libs');

const rounds = Number(process.argv[2]);
const start = process.hrtime.bigint();
const cpu = process.cpuUsage();
for (let i = 0; i < rounds; i++) {
    Kestra.outputs({rows: i, ratio: i / 8, file: 'orders.csv', ok: true, parts: ['a', 'b'], missing: null});
    Kestra.counter('rows', i, {file: 'orders.csv'});
}
const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
process.stderr.write(`lines_per_second=${2 * rounds / elapsed} cpu_lines_per_second=${2 * rounds / cpuSeconds}\n`);
