'use strict';
module.exports = require('./assert.js').strict;
