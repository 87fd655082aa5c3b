package table

import (
	"math"
	"strconv"
)

// FormatFloat formats x in fixed-point notation with exactly decimals
// digits after the point, using strconv: no locale, no exponent, "." as
// the decimal separator. Rounding is to the nearest decimal of the exact
// binary value (so 2.675, stored as 2.67499999..., gives "2.67"), ties to
// even. Negative zero, and negative values that round to zero, print
// without a sign. NaN prints as "NaN" and infinities as "+Inf" and "-Inf".
// A negative decimals is treated as 0.
func FormatFloat(x float64, decimals int) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "+Inf"
	case math.IsInf(x, -1):
		return "-Inf"
	}
	if decimals < 0 {
		decimals = 0
	}
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if s[0] == '-' && isZero(s[1:]) {
		s = s[1:]
	}
	return s
}

// isZero reports whether a formatted number has only zero digits.
func isZero(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '0' && s[i] != '.' {
			return false
		}
	}
	return true
}

// FormatInt formats n in decimal without grouping separators.
func FormatInt(n int) string { return strconv.Itoa(n) }

// FormatPercent formats 100*num/den with the given decimals and a "%"
// sign. A zero den gives "NaN%" rather than a division by zero, so the
// caller should mark such a cell missing instead.
func FormatPercent(num, den float64, decimals int) string {
	if den == 0 {
		return "NaN%"
	}
	return FormatFloat(100*num/den, decimals) + "%"
}
