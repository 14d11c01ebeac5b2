from kestra import Kestra

logger = Kestra.logger()
logger.info("Py task is alive!")
