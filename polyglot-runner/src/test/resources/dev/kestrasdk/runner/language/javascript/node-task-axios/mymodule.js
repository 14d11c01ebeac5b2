module.exports.value = 'hello world'
