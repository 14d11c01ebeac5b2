const Kestra = require('@kestra-io/libs');
Kestra.outputs({rows: 42, file: 'orders.csv'});
Kestra.counter('rows', 42, {file: 'orders.csv'});
Kestra.outputs({status: 'done'});
