package checks

import (
	"testing"

	"github.com/dossier-project/dossier/data"
)

func testVocabulary(t *testing.T) *Vocabulary {
	t.Helper()
	v, err := LoadVocabulary(data.Embedded(), "checks/vocabulary.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestMatterByWordForms: a decides entry matches the text in any
// inflection of its words, and not when a word is missing.
func TestMatterByWordForms(t *testing.T) {
	v := testVocabulary(t)
	for _, c := range []struct {
		entry, text string
		want        bool
	}{
		{"contracts", "the city had awarded its road-resurfacing contract", true},
		{"budget amendments", "the council amended the budget", true},
		{"budget amendments", "the council passed the budget", false},
		{"deployment", "the Council decided to deploy 2,000 troops", true},
		{"interest rate", "raised its key interest rates", true},
		{"interest rate", "the rate of unemployment", false},
		{"closure", "approved the closing of the school", false},
		{"taxes", "a new tax on tourists", true},
		{"policies", "a new policy", true},
	} {
		m, err := v.parseMatter(c.entry)
		if err != nil {
			t.Fatal(err)
		}
		if got := m.in(stemsOf(c.text)); got != c.want {
			t.Errorf("%q in %q = %v, want %v (stems %v)", c.entry, c.text, got, c.want, m.words)
		}
	}
}

// TestAmountThreshold: an entry's threshold is read, and an amount in the
// text is checked against it.
func TestAmountThreshold(t *testing.T) {
	v := testVocabulary(t)
	above, err := v.parseMatter("contracts above 500,000 euros")
	if err != nil || above.cond == nil || !above.cond.above || above.cond.amount != 500000 || above.cond.currency != "EUR" {
		t.Fatalf("contracts above 500,000 euros: %+v %v", above.cond, err)
	}
	upTo, err := v.parseMatter("contracts up to 500,000 euros")
	if err != nil || upTo.cond == nil || upTo.cond.above {
		t.Fatalf("contracts up to 500,000 euros: %+v %v", upTo.cond, err)
	}
	if plain, _ := v.parseMatter("control over spending"); plain.cond != nil || len(plain.words) != 3 {
		t.Errorf("a condition word with no amount is a word of the matter: %+v", plain)
	}
	for _, c := range []struct {
		text        string
		amount      float64
		currency    string
		above, upTo bool
	}{
		{"its 3 million euro road-resurfacing contract", 3e6, "EUR", true, false},
		{"a contract worth €3m", 3e6, "EUR", true, false},
		{"a EUR 750,000 contract", 750000, "EUR", true, false},
		{"a 200,000 euro contract", 200000, "EUR", false, true},
		{"a contract of exactly 500,000 euros", 500000, "EUR", false, true},
		{"a $2.5 billion contract", 2.5e9, "USD", false, false},
	} {
		amt, cur, st, en, ok := v.amountIn(c.text)
		if !ok || amt != c.amount || cur != c.currency {
			t.Errorf("%q: amount %v %s (%v), want %v %s", c.text, amt, cur, ok, c.amount, c.currency)
			continue
		}
		if st >= en || en > len(c.text) {
			t.Errorf("%q: bad range %d-%d", c.text, st, en)
		}
		a, aok := above.cond.holds(amt, cur)
		u, uok := upTo.cond.holds(amt, cur)
		if c.currency != "EUR" {
			if aok || uok {
				t.Errorf("%q: a threshold in euros says something of %s", c.text, cur)
			}
			continue
		}
		if a != c.above || u != c.upTo {
			t.Errorf("%q: above %v, up to %v; want %v, %v", c.text, a, u, c.above, c.upTo)
		}
	}
	if _, _, _, _, ok := v.amountIn("3 million people voted"); ok {
		t.Error("a number without a currency is no amount of money")
	}
}
