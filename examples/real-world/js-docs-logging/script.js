const Kestra = require("@kestra-io/libs");

const logger = Kestra.logger();
logger.debug("Hello World from logs!");
logger.info("Hello World!");
