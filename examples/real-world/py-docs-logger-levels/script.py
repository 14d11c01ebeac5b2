import time
from kestra import Kestra

logger = Kestra.logger()

logger.debug("DEBUG is used for diagnostic info.")
time.sleep(0.5)

logger.info("INFO confirms normal operation.")
time.sleep(0.5)

logger.warning("WARNING signals something unexpected.")
time.sleep(0.5)

logger.error("ERROR indicates a serious issue.")
time.sleep(0.5)

logger.critical("CRITICAL means a severe failure.")
