"""``Kestra.read(path)``: the records of an Amazon Ion file (Kestra's internal storage format) as plain dicts.
Needs the ``amazon-ion`` package (``pip install './sdks/python[ion]'``), imported only when called."""
import re

_ISO_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?\Z")


def read(path):
    try:
        import amazon.ion.simpleion as ion
    except ImportError:
        raise ImportError("Kestra.read needs the amazon-ion package: pip install amazon-ion") from None
    with open(path, "rb") as f:
        records = ion.loads(f.read(), single_value=False)
    return [{k: _plain(v) for k, v in dict(record).items()} for record in records]


def _plain(v):
    from amazon.ion.simple_types import IonPyBool, IonPyBytes, IonPyDecimal, IonPyDict, IonPyNull
    if isinstance(v, IonPyNull):
        return None
    if isinstance(v, IonPyDecimal):
        return float(v)
    if isinstance(v, IonPyBool):
        return bool(v)
    if isinstance(v, IonPyBytes):
        return v.decode("utf-8")
    if isinstance(v, (IonPyDict, dict)):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if isinstance(v, str):
        return _date_time(v)
    return v


def _date_time(text):
    """Kestra writes date-times as ``LocalDateTime::"..."`` or ISO-8601 text; anything else stays text."""
    candidate = text.split("::")[1].strip('"') if text.startswith("LocalDateTime::") else text
    if not _ISO_DATE_TIME.match(candidate):
        return text
    import datetime
    try:
        return datetime.datetime.fromisoformat(candidate.replace("Z", "+00:00"))
    except ValueError:
        return text
