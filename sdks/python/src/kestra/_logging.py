"""``Kestra.logger()``: a standard ``logging.Logger`` whose records become ``logs`` lines."""
import logging

# by threshold (wire-format.md 3.3): CRITICAL and up -> ERROR, ..., anything below DEBUG -> TRACE
_LEVELS = ((logging.ERROR, "ERROR"), (logging.WARNING, "WARN"), (logging.INFO, "INFO"), (logging.DEBUG, "DEBUG"))


def kestra_level(levelno):
    for threshold, name in _LEVELS:
        if levelno >= threshold:
            return name
    return "TRACE"


class KestraHandler(logging.Handler):
    """Writes each record's formatted message (no timestamp: Kestra stamps each log itself) as one line."""

    def __init__(self, emitter):
        super().__init__(logging.NOTSET)
        self._emitter = emitter

    def emit(self, record):
        # A refused message raises, like every other Kestra call, instead of logging's silent handleError.
        if self.formatter is None and not (record.exc_info or record.exc_text or record.stack_info):
            text = record.getMessage()  # what the default "%(message)s" format gives, without its work
        else:
            text = self.format(record)
        self._emitter().log(kestra_level(record.levelno), [text])


def new_logger(emitter):
    logger = logging.getLogger("Kestra")
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    for handler in list(logger.handlers):
        if isinstance(handler, KestraHandler):
            logger.removeHandler(handler)
    logger.addHandler(KestraHandler(emitter))
    return logger
