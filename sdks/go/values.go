package kestra

import (
	"math/big"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

const maxDepth = 1000

var plainKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

const supported = "supported: nil, bool, integers, floats, *big.Int, string, slices, arrays, maps with string keys, time.Time"

func keyPath(path, key string) string {
	if plainKey.MatchString(key) {
		return path + "." + key
	}
	var b strings.Builder
	quote(&b, key)
	return path + "[" + b.String() + "]"
}

func indexPath(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// writer writes values in canonical order (wire-format.md 7.6): each value is checked when the walk reaches it.
type writer struct {
	b    strings.Builder
	open map[uintptr]string // each map or slice on the current path -> its path, to find cycles
}

func (w *writer) value(path string, v any, depth int) error {
	switch x := v.(type) {
	case nil:
		w.b.WriteString("null")
	case string:
		if err := checkString(path, x); err != nil {
			return err
		}
		quote(&w.b, x)
	case bool:
		if x {
			w.b.WriteString("true")
		} else {
			w.b.WriteString("false")
		}
	case int:
		w.b.WriteString(strconv.FormatInt(int64(x), 10))
	case int64:
		w.b.WriteString(strconv.FormatInt(x, 10))
	case float64:
		return w.float(path, x, 64)
	case float32:
		return w.float(path, float64(x), 32)
	case *big.Int:
		if x == nil {
			w.b.WriteString("null")
			return nil
		}
		text, err := bigIntText(path, x)
		if err != nil {
			return err
		}
		w.b.WriteString(text)
	case time.Time:
		text, err := dateTime(path, x)
		if err != nil {
			return err
		}
		w.b.WriteString(`"` + text + `"`)
	case time.Duration:
		return typeErr(path, "time.Duration is not an output value; use a number of seconds or a string (a timer takes a time.Duration)")
	case map[string]any:
		return w.stringMap(path, x, depth)
	case []any:
		return w.list(path, reflect.ValueOf(x), depth)
	default:
		return w.reflected(path, reflect.ValueOf(v), depth)
	}
	return nil
}

func (w *writer) float(path string, x float64, bitSize int) error {
	text, err := floatText(path, x, bitSize)
	if err != nil {
		return err
	}
	w.b.WriteString(text)
	return nil
}

// reflected handles the other kinds: every integer type, named types, pointers, slices, arrays and maps.
func (w *writer) reflected(path string, rv reflect.Value, depth int) error {
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.b.WriteString(strconv.FormatInt(rv.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		w.b.WriteString(strconv.FormatUint(rv.Uint(), 10))
	case reflect.Float64:
		return w.float(path, rv.Float(), 64)
	case reflect.Float32:
		return w.float(path, rv.Float(), 32)
	case reflect.Bool:
		return w.value(path, rv.Bool(), depth)
	case reflect.String:
		return w.value(path, rv.String(), depth)
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			w.b.WriteString("null")
			return nil
		}
		return w.value(path, rv.Elem().Interface(), depth)
	case reflect.Slice:
		if rv.IsNil() {
			w.b.WriteString("null")
			return nil
		}
		return w.list(path, rv, depth)
	case reflect.Array:
		return w.list(path, rv, depth)
	case reflect.Map:
		if rv.IsNil() {
			w.b.WriteString("null")
			return nil
		}
		return w.anyMap(path, rv, depth)
	default:
		return typeErr(path, "unsupported type "+rv.Type().String()+" ("+supported+")")
	}
	return nil
}

func (w *writer) enter(path string, id uintptr, depth int) error {
	if id != 0 {
		if started, ok := w.open[id]; ok {
			return valueErr(path, "cycle: this value contains itself (it is also at "+started+")")
		}
	}
	if depth > maxDepth {
		return valueErr(path, "nested deeper than 1000 levels, the most Kestra's JSON reader accepts")
	}
	if id != 0 {
		if w.open == nil {
			w.open = map[uintptr]string{}
		}
		w.open[id] = path
	}
	return nil
}

func (w *writer) leave(id uintptr) {
	if id != 0 {
		delete(w.open, id)
	}
}

func containerID(rv reflect.Value) uintptr {
	if rv.Kind() == reflect.Map || (rv.Kind() == reflect.Slice && rv.Len() > 0) {
		return rv.Pointer() ^ uintptr(rv.Len())<<1 // a slice and a sub-slice of it are different containers
	}
	return 0
}

func (w *writer) list(path string, rv reflect.Value, depth int) error {
	id := containerID(rv)
	if err := w.enter(path, id, depth); err != nil {
		return err
	}
	w.b.WriteByte('[')
	for i := 0; i < rv.Len(); i++ {
		if i > 0 {
			w.b.WriteByte(',')
		}
		if err := w.value(indexPath(path, i), rv.Index(i).Interface(), depth+1); err != nil {
			return err
		}
	}
	w.b.WriteByte(']')
	w.leave(id)
	return nil
}

func (w *writer) stringMap(path string, m map[string]any, depth int) error {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return w.entries(path, reflect.ValueOf(m).Pointer(), keys, func(k string) any { return m[k] }, depth)
}

func (w *writer) anyMap(path string, rv reflect.Value, depth int) error {
	keys := make([]string, 0, rv.Len())
	values := make(map[string]any, rv.Len())
	iter := rv.MapRange()
	for iter.Next() {
		k := iter.Key()
		for k.Kind() == reflect.Interface && !k.IsNil() {
			k = k.Elem()
		}
		if k.Kind() != reflect.String {
			return typeErr(path, "map key "+keyText(k)+", not a string")
		}
		keys = append(keys, k.String())
		values[k.String()] = iter.Value().Interface()
	}
	return w.entries(path, rv.Pointer(), keys, func(k string) any { return values[k] }, depth)
}

func keyText(k reflect.Value) string {
	if !k.IsValid() || (k.Kind() == reflect.Interface && k.IsNil()) {
		return "nil is not a string"
	}
	text := []rune(strings.TrimSpace(fmtValue(k)))
	if len(text) > 40 {
		text = text[:40]
	}
	return string(text) + " is a " + k.Type().String()
}

func (w *writer) entries(path string, id uintptr, keys []string, get func(string) any, depth int) error {
	if err := w.enter(path, id, depth); err != nil {
		return err
	}
	sort.Slice(keys, func(i, j int) bool { return lessUTF16(keys[i], keys[j]) })
	w.b.WriteByte('{')
	for i, k := range keys {
		at := keyPath(path, k)
		if err := checkString(at, k); err != nil {
			return err
		}
		if i > 0 {
			w.b.WriteByte(',')
		}
		quote(&w.b, k)
		w.b.WriteByte(':')
		if err := w.value(at, get(k), depth+1); err != nil {
			return err
		}
	}
	w.b.WriteByte('}')
	w.leave(id)
	return nil
}

// write is the canonical text of v at path, a container there counting depth.
func write(path string, v any, depth int) (string, error) {
	var w writer
	if err := w.value(path, v, depth); err != nil {
		return "", err
	}
	return w.b.String(), nil
}
