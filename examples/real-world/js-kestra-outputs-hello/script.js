const Kestra = require('@kestra-io/libs');
Kestra.outputs({test: 'hello world'});
