// Not from the source: the deprecated task put its own kestra.js beside main.js. This stand-in prints an outputs
// line in Kestra's format, the only call main.js makes.
module.exports = { outputs: (outputs) => console.log('::' + JSON.stringify({ outputs: outputs }) + '::') };
