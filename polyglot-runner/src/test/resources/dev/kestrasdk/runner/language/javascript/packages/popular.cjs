const _ = require('lodash');
const dayjs = require('dayjs');
const { v5: uuidv5 } = require('uuid');
const axios = require('axios');
const { parse } = require('csv-parse/sync');
const { stringify } = require('csv-stringify/sync');
const yaml = require('js-yaml');
const { format, addDays } = require('date-fns');
const { z } = require('zod');
const requestify = require('requestify');
const port = process.argv[2];
console.log('lodash', _.sum([1, 2, 3]), dayjs('2024-01-02').format('YYYY/MM/DD'), uuidv5('kestra', uuidv5.URL));
console.log('csv', JSON.stringify(parse('a,b\n1,2\n')), stringify([['q', 1]]).trim(), yaml.dump([1]).trim(), format(addDays(new Date(2024, 1, 28), 1), 'MM-dd'));
console.log('zod', z.string().email().safeParse('x@y.z').success);
// one after the other, as popular.mjs awaits them: which of two concurrent requests answers first is a race
axios.post(`http://127.0.0.1:${port}/p`, { a: 1 }).then((r) => console.log('axios', r.status, r.data.type))
  .then(() => requestify.get(`http://127.0.0.1:${port}/v2/r`)).then((r) => console.log('requestify', JSON.parse(r.body).pull_count));
