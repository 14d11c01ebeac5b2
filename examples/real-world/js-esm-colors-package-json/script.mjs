import colors from 'colors';
console.log(colors.red("Hello"));
