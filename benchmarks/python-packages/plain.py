from kestra import Kestra

Kestra.outputs({'rows': 3})
