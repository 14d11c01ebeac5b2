package kestra

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// dateTime writes a time.Time with its offset at that instant (wire-format.md 6.2): seconds always, a fraction only
// when non-zero and without trailing zeros, "Z" for a zero offset, offset seconds only when non-zero.
func dateTime(path string, t time.Time) (string, error) {
	if y := t.Year(); y < 0 || y > 9999 {
		return "", valueErr(path, "year "+strconv.Itoa(y)+" is outside 0000-9999, which ISO-8601 text here covers")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%04d-%02d-%02dT%02d:%02d:%02d", t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second())
	if ns := t.Nanosecond(); ns != 0 {
		b.WriteString("." + strings.TrimRight(fmt.Sprintf("%09d", ns), "0"))
	}
	_, offset := t.Zone()
	if offset == 0 {
		b.WriteString("Z")
		return b.String(), nil
	}
	sign := byte('+')
	if offset < 0 {
		sign, offset = '-', -offset
	}
	b.WriteByte(sign)
	fmt.Fprintf(&b, "%02d:%02d", offset/3600, offset/60%60)
	if offset%60 != 0 {
		fmt.Fprintf(&b, ":%02d", offset%60)
	}
	return b.String(), nil
}

func fmtValue(v reflect.Value) string {
	return fmt.Sprint(v.Interface())
}
