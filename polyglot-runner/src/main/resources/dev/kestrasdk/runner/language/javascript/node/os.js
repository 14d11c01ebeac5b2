'use strict';
// Node's `os`: what scripts ask of the machine. The runner answers from the JVM's own view (operating system
// release, architecture, processors), names no real user or host, and gives /tmp as the temporary folder.
const info = JSON.parse(globalThis[Symbol.for('dev.kestrasdk.runner.node')].osInfo());

module.exports = {
  EOL: '\n',
  arch: () => info.arch,
  platform: () => 'linux',
  type: () => 'Linux',
  release: () => info.release,
  version: () => '#1 SMP',
  machine: () => (info.arch === 'x64' ? 'x86_64' : info.arch),
  hostname: () => 'localhost',
  homedir: () => info.homedir,
  tmpdir: () => '/tmp',
  endianness: () => 'LE',
  uptime: () => info.uptime,
  loadavg: () => [0, 0, 0],
  totalmem: () => info.totalmem,
  freemem: () => info.freemem,
  availableParallelism: () => info.cpus,
  cpus: () => Array.from({ length: info.cpus }, () => ({
    model: 'unknown', speed: 0, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 },
  })),
  networkInterfaces: () => ({}),
  userInfo: () => ({ uid: -1, gid: -1, username: 'kestra', homedir: info.homedir, shell: null }),
  constants: { signals: {}, errno: {} },
  devNull: '/dev/null',
};
