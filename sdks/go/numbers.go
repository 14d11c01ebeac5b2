package kestra

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

const maxDigits = 1000

// layout writes the digits s (no trailing zero) of the value 0.s × 10^n as wire-format.md 5.3 lays them out.
func layout(s string, n int) string {
	k := len(s)
	switch {
	case k <= n && n <= 21:
		return s + strings.Repeat("0", n-k) + ".0"
	case 0 < n && n <= 21:
		return s[:n] + "." + s[n:]
	case -6 < n && n <= 0:
		return "0." + strings.Repeat("0", -n) + s
	}
	out := s[:1]
	if k > 1 {
		out += "." + s[1:]
	}
	if n-1 < 0 {
		return out + "e-" + strconv.Itoa(1-n)
	}
	return out + "e+" + strconv.Itoa(n-1)
}

func nonFinite(x float64) string {
	switch {
	case math.IsNaN(x):
		return "NaN is not valid JSON"
	case math.IsInf(x, 1):
		return "Infinity is not valid JSON"
	case math.IsInf(x, -1):
		return "-Infinity is not valid JSON"
	}
	return ""
}

// floatText is the canonical text of a float of bitSize 64 or 32: shortest round-trip digits, ECMAScript's layout,
// ".0" when there is neither "." nor "e", "-0.0" for negative zero.
func floatText(path string, x float64, bitSize int) (string, error) {
	if p := nonFinite(x); p != "" {
		return "", valueErr(path, p)
	}
	if x == 0 {
		if math.Signbit(x) {
			return "-0.0", nil
		}
		return "0.0", nil
	}
	sign := ""
	if x < 0 {
		sign, x = "-", -x
	}
	mantissa, exponent, _ := strings.Cut(strconv.FormatFloat(x, 'e', -1, bitSize), "e") // shortest digits
	s := strings.TrimRight(strings.Replace(mantissa, ".", "", 1), "0")
	p, _ := strconv.Atoi(exponent)
	return sign + layout(s, p+1), nil
}

// bigIntText is an integer of any size, refused beyond the 1000 digits Kestra reads.
func bigIntText(path string, b *big.Int) (string, error) {
	text := b.String()
	digits := len(text)
	if b.Sign() < 0 {
		digits--
	}
	if digits > maxDigits {
		return "", valueErr(path, "number written with "+strconv.Itoa(digits)+" digits is longer than the 1000 digits Kestra reads")
	}
	return text, nil
}

// exactSeconds writes a number of nanoseconds as exact decimal seconds: 1.5, 90.0, 1e-9, 0.0.
func exactSeconds(nanos int64) string {
	if nanos == 0 {
		return "0.0"
	}
	sign := ""
	u := uint64(nanos)
	if nanos < 0 {
		sign, u = "-", uint64(-nanos)
	}
	text := strconv.FormatUint(u, 10)
	return sign + layout(strings.TrimRight(text, "0"), len(text)-9)
}

func itoa(i int) string { return strconv.Itoa(i) }
