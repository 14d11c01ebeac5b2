const colors = require("colors");
console.log(colors.red("Hello"));
