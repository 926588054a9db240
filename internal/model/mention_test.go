package model

import "testing"

func TestPronominal(t *testing.T) {
	for rule, want := range map[string]bool{
		RulePronoun:                             true,
		RuleFirstPersonSingular + " (quote q1)": true,
		RuleFirstPersonPlural:                   true,
		"coref:surname":                         false,
		"coref:pronouns":                        false,
		"dict:person (date unknown)":            false,
	} {
		if got := (Mention{Rule: rule}).Pronominal(); got != want {
			t.Errorf("%q: %v, want %v", rule, got, want)
		}
	}
}
