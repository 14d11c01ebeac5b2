"""OpenTelemetry exporters for Kestra (docs/opentelemetry.md): ``KestraLogExporter`` and ``KestraMetricExporter``
write each export as one ``::{"otlp":<record>}::`` line, which Kestra 2.0 turns into task logs and metrics.

The record is OpenTelemetry's own OTLP encoding (``opentelemetry-exporter-otlp-proto-common``, as the OTLP
exporters use it) turned into the OTLP/JSON mapping: protobuf's JSON with camelCase names, 64-bit integers as
strings, enums as numbers and trace and span ids in hex, as the OTLP/JSON specification says (protobuf writes
bytes in base64). Needs the ``otel`` extra: ``pip install 'kestra[otel]'``.
"""
import binascii
import base64
import json
import logging

from google.protobuf.json_format import MessageToDict
from opentelemetry.exporter.otlp.proto.common._log_encoder import encode_logs
from opentelemetry.exporter.otlp.proto.common.metrics_encoder import encode_metrics
from opentelemetry.sdk.metrics import Counter, ObservableCounter
from opentelemetry.sdk.metrics.export import AggregationTemporality, MetricExporter, MetricExportResult

try:  # the SDK's log exporter base class was renamed in 1.35
    from opentelemetry.sdk._logs.export import LogRecordExporter as _LogExporterBase
    from opentelemetry.sdk._logs.export import LogRecordExportResult as _LogExportResult
except ImportError:  # pragma: no cover - older SDKs
    from opentelemetry.sdk._logs.export import LogExporter as _LogExporterBase
    from opentelemetry.sdk._logs.export import LogExportResult as _LogExportResult

from ._emitter import Emitter

__all__ = ["KestraLogExporter", "KestraMetricExporter", "otlp_line"]

_log = logging.getLogger(__name__)

# OTLP/JSON writes these bytes fields in hex; protobuf's JSON writes them in base64.
_ID_FIELDS = frozenset(("traceId", "spanId", "parentSpanId"))
# Kestra 2.0 forwards gauges and sums only.
_READ_BY_KESTRA = frozenset(("gauge", "sum"))


def otlp_line(request):
    """One ``::{"otlp":...}::`` line (ASCII, no line terminator) for an OTLP export request message."""
    record = MessageToDict(request, use_integers_for_enums=True)
    _ids_to_hex(record)
    return '::{"otlp":' + json.dumps(record, separators=(",", ":"), ensure_ascii=True) + "}::"


def _ids_to_hex(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _ID_FIELDS and isinstance(value, str):
                node[key] = binascii.hexlify(base64.b64decode(value)).decode("ascii")
            else:
                _ids_to_hex(value)
    elif isinstance(node, list):
        for item in node:
            _ids_to_hex(item)


class KestraLogExporter(_LogExporterBase):
    """Writes each batch of log records as one line; Kestra logs each record at its severity's level.

    ``stdout``: a text stream, or None for ``sys.stdout`` as it is when each line is written. Lines go through
    the SDK's own writer (one write under a lock, flushed), so they never mix with other output.
    """

    def __init__(self, stdout=None):
        self._emitter = Emitter(stdout=stdout)
        self._shut_down = False

    def export(self, batch):
        if self._shut_down:
            return _LogExportResult.FAILURE
        if not batch:
            return _LogExportResult.SUCCESS
        self._emitter._write(otlp_line(encode_logs(batch)), False)
        return _LogExportResult.SUCCESS

    def shutdown(self):
        self._shut_down = True

    def force_flush(self, timeout_millis=30000):
        return True


class KestraMetricExporter(MetricExporter):
    """Writes each collection as one line; Kestra records a counter for each point of a delta sum and a gauge for
    each point of a gauge or cumulative sum.

    Counters (and observable counters) are asked for in delta temporality, so Kestra's counter totals what the
    program counted; everything else stays cumulative, so an up-down counter's gauge holds its current level.
    Kestra reads no histograms: they are left out of the line, with one warning per metric name.
    """

    def __init__(self, stdout=None):
        super().__init__(preferred_temporality={
            Counter: AggregationTemporality.DELTA,
            ObservableCounter: AggregationTemporality.DELTA,
        })
        self._emitter = Emitter(stdout=stdout)
        self._shut_down = False
        self._warned = set()

    def export(self, metrics_data, timeout_millis=10_000, **kwargs):
        if self._shut_down:
            return MetricExportResult.FAILURE
        request = encode_metrics(metrics_data)
        kept = 0
        for resource in request.resource_metrics:
            for scope in resource.scope_metrics:
                for metric in list(scope.metrics):
                    kind = metric.WhichOneof("data")
                    if kind in _READ_BY_KESTRA:
                        kept += 1
                        continue
                    scope.metrics.remove(metric)
                    if metric.name not in self._warned:
                        self._warned.add(metric.name)
                        _log.warning("kestra-otel: Kestra reads no %s metrics: '%s' is not sent (use a counter or a gauge)",
                                     _KIND_NAMES.get(kind, kind), metric.name)
        if kept:
            self._emitter._write(otlp_line(request), False)
        return MetricExportResult.SUCCESS

    def force_flush(self, timeout_millis=10_000):
        return True

    def shutdown(self, timeout_millis=30_000, **kwargs):
        self._shut_down = True


_KIND_NAMES = {"histogram": "histogram", "exponential_histogram": "exponential histogram", "summary": "summary"}
