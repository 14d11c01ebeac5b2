package kestra

import (
	"math"
	"math/big"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Level is a Kestra log level.
type Level string

const (
	TRACE Level = "TRACE"
	DEBUG Level = "DEBUG"
	INFO  Level = "INFO"
	WARN  Level = "WARN"
	ERROR Level = "ERROR"
)

// MetricType is a Kestra metric type.
type MetricType string

const (
	CounterType MetricType = "counter"
	GaugeType   MetricType = "gauge"
	TimerType   MetricType = "timer"
)

const maxTimerSeconds = math.MaxInt64 // the most seconds a Java Duration, Kestra's timer value, holds

func envelope(root string, v any) (string, error) {
	if v == nil || !isMap(v) {
		return "", typeErr(root, root+" must be a map, not "+typeName(v))
	}
	return write(root, v, 2)
}

func isMap(v any) bool {
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Map && !rv.IsNil()
}

func typeName(v any) string {
	if v == nil {
		return "nil"
	}
	return reflect.TypeOf(v).String()
}

func outputsLine(values any) (string, error) {
	if m, ok := values.(map[string]any); ok && m != nil {
		if line, ok := fastLine(`::{"outputs":`, m, `}::`); ok {
			return line, nil
		}
	}
	text, err := envelope("outputs", values)
	if err != nil {
		return "", err
	}
	return `::{"outputs":` + text + `}::`, nil
}

func assetsLine(values any) (string, error) {
	if values == nil || !isMap(values) {
		return "", typeErr("assets", "assets must be a map, not "+typeName(values))
	}
	if err := checkAssetShape(reflect.ValueOf(values)); err != nil {
		return "", err
	}
	text, err := write("assets", values, 2)
	if err != nil {
		return "", err
	}
	return `::{"assets":` + text + `}::`, nil
}

// --- metrics

func checkName(name string) error {
	if name == "" {
		return valueErr("name", "metric name must not be empty")
	}
	return checkString("name", name)
}

func tagsText(tags any) (string, error) {
	if tags == nil {
		return "{}", nil
	}
	rv := reflect.ValueOf(tags)
	if rv.Kind() != reflect.Map {
		return "", typeErr("tags", "tags must be a map, not "+typeName(tags))
	}
	if rv.IsNil() {
		return "{}", nil
	}
	keys := []string{}
	byKey := map[string]any{}
	iter := rv.MapRange()
	for iter.Next() {
		k := iter.Key()
		for k.Kind() == reflect.Interface && !k.IsNil() {
			k = k.Elem()
		}
		if k.Kind() != reflect.String {
			return "", typeErr("tags", "map key "+keyText(k)+", not a string")
		}
		keys = append(keys, k.String())
		byKey[k.String()] = iter.Value().Interface()
	}
	sort.Slice(keys, func(i, j int) bool { return lessUTF16(keys[i], keys[j]) })
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range keys {
		path := keyPath("tags", k)
		if err := checkString(path, k); err != nil {
			return "", err
		}
		text, err := tagValue(path, byKey[k])
		if err != nil {
			return "", err
		}
		if i > 0 {
			b.WriteByte(',')
		}
		quote(&b, k)
		b.WriteByte(':')
		b.WriteString(text)
	}
	b.WriteByte('}')
	return b.String(), nil
}

func tagValue(path string, v any) (string, error) {
	if v == nil {
		return "", typeErr(path, "a tag value must be a string, number or boolean, not nil")
	}
	if _, ok := v.(time.Duration); ok {
		return "", typeErr(path, "a tag value must be a string, number or boolean, not time.Duration")
	}
	switch reflect.ValueOf(v).Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint,
		reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return write(path, v, 1)
	case reflect.Map, reflect.Slice, reflect.Array:
		return "", typeErr(path, "a tag value must be a string, number or boolean, not "+typeName(v)+" (tags are flat)")
	}
	if b, ok := v.(*big.Int); ok && b != nil {
		return write(path, v, 1)
	}
	return "", typeErr(path, "a tag value must be a string, number or boolean, not "+typeName(v))
}

func metricLine(typ MetricType, name string, value any, tags any) (string, error) {
	switch typ {
	case CounterType, GaugeType, TimerType:
	case "":
		return "", typeErr("type", "metric type is required (counter, gauge or timer)")
	default:
		return "", valueErr("type", "metric type must be counter, gauge or timer, not "+strconv.Quote(string(typ)))
	}
	if line, ok := fastMetricLine(typ, name, value, tags); ok {
		return line, nil
	}
	if err := checkName(name); err != nil {
		return "", err
	}
	tagText, err := tagsText(tags)
	if err != nil {
		return "", err
	}
	valueText, err := metricValue(typ, value)
	if err != nil {
		return "", err
	}
	return joinMetric(name, tagText, typ, valueText), nil
}

func joinMetric(name, tags string, typ MetricType, value string) string {
	var b strings.Builder
	b.WriteString(`::{"metrics":[{"name":`)
	quote(&b, name)
	b.WriteString(`,"tags":` + tags + `,"type":"` + string(typ) + `","value":` + value + `}]}::`)
	return b.String()
}

// metricValue checks a metric value in the order of wire-format.md 7.6, step 5.
func metricValue(typ MetricType, v any) (string, error) {
	if v == nil {
		return "", typeErr("value", "a metric value is required, not nil")
	}
	if d, ok := v.(time.Duration); ok {
		if typ != TimerType {
			return "", typeErr("value", "a time.Duration is only a timer's value; a "+string(typ)+" takes a number")
		}
		if d < 0 {
			return "", valueErr("value", "a timer cannot be negative ("+d.String()+")")
		}
		return exactSeconds(int64(d)), nil
	}
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer && !rv.IsNil() && rv.Type() != reflect.TypeOf((*big.Int)(nil)) {
		rv = rv.Elem()
	}
	var text string
	var err error
	var negative, beyondMax bool
	switch rv.Kind() {
	case reflect.Float64, reflect.Float32:
		bits := 64
		if rv.Kind() == reflect.Float32 {
			bits = 32
		}
		x := rv.Float()
		if p := nonFinite(x); p != "" {
			return "", valueErr("value", p)
		}
		text, err = floatText("value", x, bits)
		negative, beyondMax = x < 0, x >= math.MaxInt64 // 2^63 is the first float beyond the most seconds
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		text, negative = strconv.FormatInt(rv.Int(), 10), rv.Int() < 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		text, beyondMax = strconv.FormatUint(rv.Uint(), 10), rv.Uint() > maxTimerSeconds
	default:
		b, ok := v.(*big.Int)
		if !ok || b == nil {
			return "", typeErr("value", "a metric value must be a number, not "+typeName(v))
		}
		negative = b.Sign() < 0
		if typ == TimerType && negative {
			return "", valueErr("value", "a timer cannot be negative ("+b.String()+" seconds)")
		}
		if f, _ := new(big.Float).SetInt(b).Float64(); math.IsInf(f, 0) {
			return "", valueErr("value", "integer "+first(b.String(), 12)+"... is beyond the range of a 64-bit float; "+
				"Kestra holds metric values as doubles and would record Infinity")
		}
		text, err = bigIntText("value", b)
		beyondMax = b.Cmp(big.NewInt(maxTimerSeconds)) > 0
	}
	if err != nil {
		return "", err
	}
	if typ == TimerType && negative {
		return "", valueErr("value", "a timer cannot be negative ("+text+" seconds)")
	}
	if typ == TimerType && beyondMax {
		return "", valueErr("value", "a timer of "+text+" seconds does not fit the Duration Kestra stores (at most 9223372036854775807 seconds)")
	}
	return text, nil
}

func first(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// --- logs

func logLine(level Level, messages []*string) (string, error) {
	switch level {
	case TRACE, DEBUG, INFO, WARN, ERROR:
	case "":
		return "", typeErr("level", "log level is required (TRACE, DEBUG, INFO, WARN or ERROR)")
	default:
		return "", valueErr("level", "log level must be TRACE, DEBUG, INFO, WARN or ERROR, not "+strconv.Quote(string(level)))
	}
	if messages == nil {
		return "", typeErr("messages", "at least one message is required")
	}
	if len(messages) == 0 {
		return "", valueErr("messages", "at least one message is required")
	}
	var b strings.Builder
	b.WriteString(`::{"logs":[`)
	for i, m := range messages {
		text := "null"
		if m != nil {
			if !fastString(*m) { // the path only for a message that may be refused
				if err := checkString(indexPath("messages", i), *m); err != nil {
					return "", err
				}
			}
			text = *m
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"level":"` + string(level) + `","message":`)
		quote(&b, text)
		b.WriteByte('}')
	}
	b.WriteString(`]}::`)
	return b.String(), nil
}

// --- assets (wire-format.md 3.4): the structure Kestra needs, checked in canonical order before anything is written

var assetFields = []string{"created", "deleted", "description", "displayName", "id", "metadata", "namespace", "tenantId", "type", "updated"}

var offsetDateTime = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d(:\d\d)?)$`)

func checkAssetShape(rv reflect.Value) error {
	entries := map[string]reflect.Value{}
	names := []string{}
	iter := rv.MapRange()
	for iter.Next() {
		k := iter.Key()
		for k.Kind() == reflect.Interface && !k.IsNil() {
			k = k.Elem()
		}
		if k.Kind() != reflect.String {
			return typeErr("assets", "map key "+keyText(k)+", not a string")
		}
		names = append(names, k.String())
		entries[k.String()] = iter.Value()
	}
	sort.Slice(names, func(i, j int) bool { return lessUTF16(names[i], names[j]) })
	for _, name := range names {
		if name != "inputs" && name != "outputs" {
			return valueErr("assets", "key "+name+` is not read by Kestra; an assets payload has "inputs" and "outputs" lists`)
		}
		items := unwrap(entries[name])
		path := "assets." + name
		if !items.IsValid() || ((items.Kind() == reflect.Slice || items.Kind() == reflect.Map) && items.IsNil()) {
			continue
		}
		if items.Kind() != reflect.Slice && items.Kind() != reflect.Array {
			return typeErr(path, "must be a list of asset maps, not "+items.Type().String())
		}
		for i := 0; i < items.Len(); i++ {
			at := indexPath(path, i)
			asset := unwrap(items.Index(i))
			if !asset.IsValid() || asset.Kind() != reflect.Map || asset.IsNil() {
				return typeErr(at, "an asset must be a map, not "+describe(asset))
			}
			if err := checkAsset(name == "outputs", asset, at); err != nil {
				return err
			}
		}
	}
	return nil
}

func unwrap(v reflect.Value) reflect.Value {
	for v.IsValid() && (v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer) && !v.IsNil() {
		v = v.Elem()
	}
	if v.IsValid() && v.Kind() == reflect.Interface && v.IsNil() {
		return reflect.Value{}
	}
	return v
}

func describe(v reflect.Value) string {
	if !v.IsValid() {
		return "nil"
	}
	return v.Type().String()
}

func checkAsset(output bool, asset reflect.Value, path string) error {
	for _, field := range assetFields {
		var v reflect.Value
		if asset.Type().Key().Kind() == reflect.String {
			v = unwrap(asset.MapIndex(reflect.ValueOf(field).Convert(asset.Type().Key())))
		} else if asset.Type().Key().Kind() == reflect.Interface {
			v = unwrap(asset.MapIndex(reflect.ValueOf(field)))
		}
		at := path + "." + field
		switch field {
		case "created", "updated":
			if v.IsValid() {
				if s, ok := v.Interface().(string); ok {
					if !offsetDateTime.MatchString(s) {
						return valueErr(at, `must be an instant (a time.Time, or ISO-8601 text with an offset), not "`+s+`"`)
					}
				} else if _, ok := v.Interface().(time.Time); !ok {
					return typeErr(at, "must be an instant (a time.Time, or ISO-8601 text with an offset), not "+describe(v))
				}
			}
		case "deleted":
			if v.IsValid() && v.Kind() != reflect.Bool {
				return typeErr(at, "must be a boolean, not "+describe(v))
			}
		case "metadata":
			if v.IsValid() && v.Kind() != reflect.Map {
				return typeErr(at, "must be a map, not "+describe(v))
			}
		default:
			if v.IsValid() && v.Kind() != reflect.String {
				return typeErr(at, "must be a string, not "+describe(v))
			}
			if field == "type" && output && (!v.IsValid() || v.String() == "") {
				return valueErr(at, "an output asset needs a type (TABLE, FILE, ...); Kestra rejects the line without one")
			}
		}
	}
	return nil
}
