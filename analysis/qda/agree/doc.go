// Package agree computes intercoder agreement: percent agreement, Cohen's
// kappa, Brennan and Prediger's kappa and Krippendorff's alpha (nominal,
// ordinal, interval and ratio, any number of coders, missing values).
//
// Functions take reliability data as plain slices, in the style of
// gonum/stat: data[c][u] is the value coder c gave unit u, and NaN marks a
// missing value. Values are numbers; nominal categories are any distinct
// numbers (for example 0 and 1 for a code's absence and presence). An
// optional weights slice gives each unit a weight (for example its length
// in characters); nil weighs every unit 1.
//
// Results are deterministic: sums run in unit order and do not depend on
// map iteration or GOMAXPROCS.
package agree
