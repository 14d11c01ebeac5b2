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
from opentelemetry.sdk.metrics.export import (AggregationTemporality, Gauge, MetricExporter, MetricExportResult,
                                              MetricsData, ResourceMetrics, ScopeMetrics, Sum)

try:  # the SDK's log exporter base class was renamed in 1.35
    from opentelemetry.sdk._logs.export import LogRecordExporter as _LogExporterBase
    from opentelemetry.sdk._logs.export import LogRecordExportResult as _LogExportResult
except ImportError:  # pragma: no cover - older SDKs
    from opentelemetry.sdk._logs.export import LogExporter as _LogExporterBase
    from opentelemetry.sdk._logs.export import LogExportResult as _LogExportResult

from ._emitter import LARGE_LINE_BYTES, Emitter

__all__ = ["KestraLogExporter", "KestraMetricExporter", "otlp_line"]

_log = logging.getLogger(__name__)

# OTLP/JSON writes these bytes fields in hex; protobuf's JSON writes them in base64.
_ID_FIELDS = frozenset(("traceId", "spanId", "parentSpanId"))
# Kestra 2.0 forwards gauges and sums only.
_READ_BY_KESTRA = (Gauge, Sum)


def otlp_line(request):
    """One ``::{"otlp":...}::`` line (ASCII, no line terminator) for an OTLP export request message."""
    record = MessageToDict(request, use_integers_for_enums=True)
    _ids_to_hex(record)
    return '::{"otlp":' + json.dumps(record, separators=(",", ":"), ensure_ascii=True) + "}::"


def _write_split(emitter, items, encode):
    """Writes ``encode(items)`` as one line, or, when that line would pass 16 KiB (Docker splits longer lines and
    Kestra loses them, wire-format.md 2.5) and there is more than one item, each half the same way. A single item
    that long is written as it is: the SDK's writer warns about it once."""
    line = otlp_line(encode(items))
    if len(line) > LARGE_LINE_BYTES and len(items) > 1:
        half = len(items) // 2
        _write_split(emitter, items[:half], encode)
        _write_split(emitter, items[half:], encode)
    else:
        emitter._write(line, False)


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
    """Writes each batch of log records as one line (several when it would pass 16 KiB); Kestra logs each record at
    its severity's level.

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
        _write_split(self._emitter, list(batch), encode_logs)
        return _LogExportResult.SUCCESS

    def shutdown(self):
        self._shut_down = True

    def force_flush(self, timeout_millis=30000):
        return True


class KestraMetricExporter(MetricExporter):
    """Writes each collection as one line (several when it would pass 16 KiB, split between metrics); Kestra records
    a counter for each point of a delta sum and a gauge for each point of a gauge or cumulative sum.

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
        kept = []  # (resource, scope, metric) for each metric Kestra reads
        for resource in metrics_data.resource_metrics:
            for scope in resource.scope_metrics:
                for metric in scope.metrics:
                    if isinstance(metric.data, _READ_BY_KESTRA):
                        kept.append((resource, scope, metric))
                    elif metric.name not in self._warned:
                        self._warned.add(metric.name)
                        _log.warning("kestra-otel: Kestra reads no %s metrics: '%s' is not sent (use a counter or a gauge)",
                                     _KIND_NAMES.get(type(metric.data).__name__, "such"), metric.name)
        if kept:
            _write_split(self._emitter, kept, _encode_metrics)
        return MetricExportResult.SUCCESS

    def force_flush(self, timeout_millis=10_000):
        return True

    def shutdown(self, timeout_millis=30_000, **kwargs):
        self._shut_down = True


_KIND_NAMES = {"Histogram": "histogram", "ExponentialHistogram": "exponential histogram"}


def _encode_metrics(kept):
    """The OTLP request for some of a collection's metrics, grouped again under their resource and scope."""
    resources = {}
    for resource, scope, metric in kept:
        scopes = resources.setdefault(id(resource), (resource, {}))[1]
        scopes.setdefault(id(scope), (scope, []))[1].append(metric)
    return encode_metrics(MetricsData(resource_metrics=[
        ResourceMetrics(resource=resource.resource, schema_url=resource.schema_url, scope_metrics=[
            ScopeMetrics(scope=scope.scope, schema_url=scope.schema_url, metrics=metrics)
            for scope, metrics in scopes.values()])
        for resource, scopes in resources.values()]))
