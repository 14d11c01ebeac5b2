package kestra

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// The fast path of the encoder: the common values (nil, string, bool, int, int64, float64, []any, map[string]any,
// map[string]string) appended to one buffer without building an error path for every value. Anything else, and
// anything that may be refused, answers ok=false: the caller then writes the value again with the full walk
// (writer), which finds the first bad value in canonical order and names its path. Both write the same text for
// every value this path accepts (fast_test.go).

// fastMaxDepth: deeper values take the full walk, which finds cycles and counts levels up to Kestra's 1000.
const fastMaxDepth = 100

// buffers holds the buffers lines are made in, so that a line costs no allocation but its string.
var buffers = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}

// pooledMax: a larger buffer is left to the garbage collector, not kept for the next line.
const pooledMax = 64 * 1024

func getBuffer() *[]byte { return buffers.Get().(*[]byte) }

func putBuffer(p *[]byte, b []byte) {
	if cap(b) <= pooledMax {
		*p = b[:0]
		buffers.Put(p)
	}
}

// fastLine is head, the canonical text of v, and tail, as one string; ok=false when v needs the full walk.
func fastLine(head string, v any, tail string) (string, bool) {
	p := getBuffer()
	b := append((*p)[:0], head...)
	b, ok := appendValue(b, v, 2)
	var line string
	if ok {
		b = append(b, tail...)
		line = string(b)
	}
	putBuffer(p, b)
	return line, ok
}

// fastMetricLine is metricLine for a valid type (checked by the caller), a name that is valid text, tags that are
// nil or a map[string]string or map[string]any of strings, booleans, ints and float64s, and an int, int64 or
// float64 value that the type accepts; ok=false for anything else.
func fastMetricLine(typ MetricType, name string, value any, tags any) (string, bool) {
	if name == "" || !fastString(name) {
		return "", false
	}
	p := getBuffer()
	b := append((*p)[:0], `::{"metrics":[{"name":`...)
	b = appendQuoted(b, name)
	b = append(b, `,"tags":`...)
	b, ok := appendTags(b, tags)
	if ok {
		b = append(b, `,"type":"`...)
		b = append(b, typ...)
		b = append(b, `","value":`...)
		b, ok = appendMetricValue(b, typ, value)
	}
	var line string
	if ok {
		b = append(b, `}]}::`...)
		line = string(b)
	}
	putBuffer(p, b)
	return line, ok
}

func appendTags(b []byte, tags any) ([]byte, bool) {
	switch t := tags.(type) {
	case nil:
		return append(b, "{}"...), true
	case map[string]string:
		if t == nil {
			return append(b, "{}"...), true
		}
		return appendStringMap(b, t)
	case map[string]any:
		keys, ok := sortedKeys(t)
		if !ok {
			return b, false
		}
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendQuoted(b, k)
			b = append(b, ':')
			switch v := t[k].(type) {
			case string, bool, int, int64, float64: // a tag is flat: no nil, no container
				if b, ok = appendValue(b, v, 2); !ok {
					return b, false
				}
			default:
				return b, false
			}
		}
		return append(b, '}'), true
	}
	return b, false
}

func appendMetricValue(b []byte, typ MetricType, value any) ([]byte, bool) {
	switch x := value.(type) {
	case int:
		if typ == TimerType && x < 0 {
			return b, false
		}
		return strconv.AppendInt(b, int64(x), 10), true
	case int64:
		if typ == TimerType && x < 0 {
			return b, false
		}
		return strconv.AppendInt(b, x, 10), true
	case float64:
		if typ == TimerType && (x < 0 || x >= math.MaxInt64) {
			return b, false
		}
		return appendFloat(b, x)
	}
	return b, false
}

func appendValue(b []byte, v any, depth int) ([]byte, bool) {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...), true
	case string:
		return appendString(b, x)
	case bool:
		if x {
			return append(b, "true"...), true
		}
		return append(b, "false"...), true
	case int:
		return strconv.AppendInt(b, int64(x), 10), true
	case int64:
		return strconv.AppendInt(b, x, 10), true
	case float64:
		return appendFloat(b, x)
	case map[string]any:
		if depth > fastMaxDepth {
			return b, false
		}
		keys, ok := sortedKeys(x)
		if !ok {
			return b, false
		}
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendQuoted(b, k)
			b = append(b, ':')
			if b, ok = appendValue(b, x[k], depth+1); !ok {
				return b, false
			}
		}
		return append(b, '}'), true
	case map[string]string:
		return appendStringMap(b, x)
	case []any: // nil too: the full walk writes [] for it
		if depth > fastMaxDepth {
			return b, false
		}
		b = append(b, '[')
		var ok bool
		for i, item := range x {
			if i > 0 {
				b = append(b, ',')
			}
			if b, ok = appendValue(b, item, depth+1); !ok {
				return b, false
			}
		}
		return append(b, ']'), true
	}
	return b, false
}

// appendStringMap writes a map[string]string (a value, or a metric's tags).
func appendStringMap(b []byte, m map[string]string) ([]byte, bool) {
	if m == nil {
		return append(b, "null"...), true
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	if !sortKeys(keys) {
		return b, false
	}
	b = append(b, '{')
	var ok bool
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendQuoted(b, k)
		b = append(b, ':')
		if b, ok = appendString(b, m[k]); !ok {
			return b, false
		}
	}
	return append(b, '}'), true
}

func sortedKeys(m map[string]any) ([]string, bool) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys, sortKeys(keys)
}

// sortKeys sorts keys by UTF-16 code units (byte order when all are ASCII); false when a key is not valid text.
func sortKeys(keys []string) bool {
	ascii := true
	for _, k := range keys {
		if !fastString(k) {
			return false
		}
		for i := 0; i < len(k) && ascii; i++ {
			ascii = k[i] < utf8.RuneSelf
		}
	}
	if ascii {
		slices.Sort(keys)
	} else {
		sort.Slice(keys, func(i, j int) bool { return lessUTF16(keys[i], keys[j]) })
	}
	return true
}

// fastString: valid UTF-8 short enough that it cannot reach Kestra's 20,000,000 UTF-16 units (checkString's rules).
func fastString(s string) bool {
	return len(s) <= maxUTF16Units/2 && utf8.ValidString(s)
}

func appendString(b []byte, s string) ([]byte, bool) {
	if !fastString(s) {
		return b, false
	}
	return appendQuoted(b, s), true
}

// appendQuoted is quote for valid UTF-8: ASCII with the escapes of wire-format.md 4.3.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f && c != '"' && c != '\\' {
			i++
			continue
		}
		b = append(b, s[start:i]...)
		size := 1
		switch c {
		case '"':
			b = append(b, `\"`...)
		case '\\':
			b = append(b, `\\`...)
		case '\b':
			b = append(b, `\b`...)
		case '\f':
			b = append(b, `\f`...)
		case '\n':
			b = append(b, `\n`...)
		case '\r':
			b = append(b, `\r`...)
		case '\t':
			b = append(b, `\t`...)
		default:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if r > 0xffff {
				hi, lo := utf16.EncodeRune(r)
				b = appendUnit(appendUnit(b, hi), lo)
			} else {
				b = appendUnit(b, r)
			}
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

func appendUnit(b []byte, u rune) []byte {
	return append(b, '\\', 'u', hexDigits[u>>12&0xf], hexDigits[u>>8&0xf], hexDigits[u>>4&0xf], hexDigits[u&0xf])
}

// appendFloat writes a float64 as floatText does; from 1e-6 up to 1e21 ECMAScript writes the shortest digits
// without an exponent, which is strconv's 'f' format with ".0" when there is no point.
func appendFloat(b []byte, x float64) ([]byte, bool) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return b, false
	}
	if a := math.Abs(x); a >= 1e-6 && a < 1e21 {
		start := len(b)
		b = strconv.AppendFloat(b, x, 'f', -1, 64)
		for _, c := range b[start:] {
			if c == '.' {
				return b, true
			}
		}
		return append(b, ".0"...), true
	}
	text, err := floatText("", x, 64)
	if err != nil {
		return b, false
	}
	return append(b, text...), true
}
