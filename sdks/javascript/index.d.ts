// Types of @kestra-io/libs as sdks/javascript provides it (CommonJS: `const Kestra = require('@kestra-io/libs')`).

declare namespace Kestra {
  /** A map of values (a plain object or a Map with string keys). */
  type Values = Record<string, unknown> | Map<string, unknown>;
  /** Metric tags: flat, each a string, number, bigint or boolean. */
  type Tags = Record<string, string | number | bigint | boolean> | Map<string, string | number | bigint | boolean> | null;
  type Level = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

  interface Logger {
    trace(...message: unknown[]): void;
    debug(...message: unknown[]): void;
    info(...message: unknown[]): void;
    /** Written to standard error. */
    warn(...message: unknown[]): void;
    /** Written to standard error. */
    error(...message: unknown[]): void;
  }

  interface EmitterOptions {
    stdout?: (text: string) => void;
    stderr?: (text: string) => void;
    warn?: (text: string) => void;
  }

  // The classes are declared outside: a namespace holding values would clash with the const Kestra below.
  type Emitter = KestraEmitter;
  type WireTypeError = KestraWireTypeError;
  type WireRangeError = KestraWireRangeError;
}

/** Encodes each call into one canonical line and writes it. */
declare class KestraEmitter {
  constructor(options?: Kestra.EmitterOptions);
  outputs(values: Kestra.Values): void;
  assets(values: Kestra.Values): void;
  metric(type: 'counter' | 'gauge' | 'timer', name: string, value: number | bigint, tags?: Kestra.Tags): void;
  log(level: Kestra.Level, messages: Array<string | null>): void;
  measuredTimer(name: string, nanoseconds: bigint, tags?: Kestra.Tags): void;
}

/** A value of a type that cannot be written: `kind` TYPE, the message `<path>: <problem>`. */
declare class KestraWireTypeError extends TypeError {
  readonly kind: 'TYPE';
  readonly path: string;
  readonly problem: string;
}

/** A value of an accepted type that cannot be written (NaN, a lone surrogate, a cycle, ...): `kind` VALUE. */
declare class KestraWireRangeError extends RangeError {
  readonly kind: 'VALUE';
  readonly path: string;
  readonly problem: string;
}

interface KestraFunction {
  (): void;
  outputs(outputs: Kestra.Values): void;
  assets(asset: Kestra.Values): void;
  counter(name: string, value: number | bigint, tags?: Kestra.Tags): void;
  gauge(name: string, value: number | bigint, tags?: Kestra.Tags): void;
  timer(name: string, seconds: number | bigint, tags?: Kestra.Tags): void;
  timer<T>(name: string, body: (done: () => void) => T, tags?: Kestra.Tags): T;
  logger(): Kestra.Logger;
  /** The canonical line (without its LF) of a whole message, e.g. `{outputs: {...}}`. */
  format(map: Record<string, unknown>): string;
  emitter(): Kestra.Emitter;
  setEmitter(emitter: Kestra.Emitter): Kestra.Emitter;
  Emitter: typeof KestraEmitter;
  WireTypeError: typeof KestraWireTypeError;
  WireRangeError: typeof KestraWireRangeError;
  readonly WIRE_FORMAT_VERSION: '1.0';
  default: KestraFunction;
}

declare const Kestra: KestraFunction;

export = Kestra;
