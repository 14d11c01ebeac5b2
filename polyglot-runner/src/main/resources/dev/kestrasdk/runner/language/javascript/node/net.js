'use strict';
// Node's `net`: address checks only. Sockets and servers are refused: the runner makes HTTP requests for scripts
// (http, https, fetch), nothing lower.
function refuse(what) {
  return function () {
    const e = new Error("kestra-sdk sandbox: require('net')." + what + ': raw sockets and servers are not available; '
      + 'HTTP requests are (http, https, fetch)');
    e.code = 'ERR_ACCESS_DENIED';
    throw e;
  };
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
function isIPv6(s) {
  if (typeof s !== 'string' || !s.includes(':')) return false;
  const [address] = s.split('%');
  const v4 = address.match(/:(\d+\.\d+\.\d+\.\d+)$/);
  if (v4 && !IPV4.test(v4[1])) return false;
  const hex = v4 ? address.slice(0, -v4[1].length) + '0:0' : address;
  const halves = hex.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  if (!groups.flat().every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = groups.flat().length;
  return halves.length === 2 ? count < 8 : count === 8;
}
const isIPv4 = (s) => typeof s === 'string' && IPV4.test(s);

module.exports = {
  isIP: (s) => (isIPv4(s) ? 4 : isIPv6(s) ? 6 : 0),
  isIPv4,
  isIPv6,
  connect: refuse('connect'),
  createConnection: refuse('createConnection'),
  createServer: refuse('createServer'),
  Socket: refuse('Socket'),
  Server: refuse('Server'),
};
