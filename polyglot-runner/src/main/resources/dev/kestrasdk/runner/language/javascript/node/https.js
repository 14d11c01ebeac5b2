'use strict';
module.exports = require('./http.js').https;
