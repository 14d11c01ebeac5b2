// The payload mix of the `sdks` benchmark section (SdkEmissionSection, and emit_mix.py) through one Kestra
// library on Node: npm @kestra-io/libs as resolved from NODE_PATH, or this project's native SDK when its folder is
// given. Per round, five lines: outputs with six keys, a counter, a timer and a gauge with tags, one log message.
// Usage: node emit_mix.js ROUNDS [SDK_DIR] > file; prints lines per second of the loop (wall clock, and CPU time of
// the process) to stderr.
const rounds = Number(process.argv[2]);
const Kestra = require(process.argv[3] || '@kestra-io/libs');

const LINES_PER_ROUND = 5;
const logger = Kestra.logger();
const start = process.hrtime.bigint();
const cpu = process.cpuUsage();
for (let i = 0; i < rounds; i++) {
    Kestra.outputs({rows: i, ratio: i / 8, file: 'orders.csv', ok: true, parts: ['a', 'b'], missing: null});
    Kestra.counter('rows', i, {file: 'orders.csv'});
    Kestra.timer('load', i / 1000, {file: 'orders.csv', stage: 'load'});
    Kestra.gauge('queue', i % 17, {host: 'worker-1'});
    logger.info('loaded orders.csv');
}
const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
process.stderr.write(`lines_per_second=${LINES_PER_ROUND * rounds / elapsed} cpu_lines_per_second=${LINES_PER_ROUND * rounds / cpuSeconds}\n`);
