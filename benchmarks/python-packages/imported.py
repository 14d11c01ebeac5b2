# /// script
# dependencies = ["requests", "six"]
# ///
import six
from kestra import Kestra

Kestra.outputs({'rows': 3, 'py3': six.PY3})
