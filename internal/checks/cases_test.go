package checks_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/cli"
)

// want is one finding a development case must give: its kind and words
// its summary must hold.
type want struct {
	kind  string
	words []string
}

// accountability are the kinds of finding the development cases are
// about; a case must give exactly its own findings of these kinds.
var accountability = []string{"announced-before-decision", "decision-by-wrong-body", "meeting-without-record"}

// devCases are invented documents in the style of real reporting
// (testdata/cases/NAME): eight patterns, each with a twin that must stay
// silent. miss, when set, marks a case the checks do not yet get right,
// with the reason; the test then asserts that it is still missed, so that
// it fails once the case works and the mark must go.
var devCases = []struct {
	name string
	want []want
	miss string
}{
	// EU: a Commission vice-president unveils sanctions that the
	// Council's ministers "did not sit until the evening of" adopting.
	{name: "eu-sanctions-sat-later", want: []want{{"announced-before-decision", []string{"Teodora Varga", "unveiled", "Council of the European Union", "sat only on the evening", "morning of 9 October 2024", "evening of 9 October 2024"}}}},
	{name: "eu-sanctions-sat-earlier"},
	// UN: a question at a briefing says the Secretary-General confirmed
	// a mission the Security Council "convened only on the afternoon"
	// to authorize; the twin recommends, which is a proposal.
	{name: "unsc-briefing-convened-later", want: []want{{"announced-before-decision", []string{"Secretary-General", "confirmed", "Security Council", "morning of 14 May 2025", "afternoon of 14 May 2025"}}}},
	{name: "unsc-briefing-recommended"},
	// AU: the Commission's Chairperson declares a deployment the Peace
	// and Security Council "gathered" on two days later; the twin is the
	// Council declaring its own decision.
	{name: "au-psc-approved-only-later", want: []want{{"announced-before-decision", []string{"Amara Ndiaye", "declared", "Peace and Security Council", "3 February 2025", "5 February 2025"}}}},
	{name: "au-psc-own-communique"},
	// A city: the city manager announces a 3 million euro contract the
	// council must approve (above 500,000 euros); the twin is a 200,000
	// euro contract, which the manager may award.
	{name: "city-contract-over-threshold", want: []want{{"announced-before-decision", []string{"Paul Osei", "announced", "City Council", "contracts above 500,000 euros", "3 million euro", "2 April 2025", "9 April 2025"}}}},
	{name: "city-contract-under-threshold"},
	// A central bank: the governor tells a conference of a rate rise
	// the committee met on "several hours after"; the twin recommends.
	{name: "central-bank-hours-after", want: []want{{"announced-before-decision", []string{"Ilse Marten", "told", "Monetary Policy Committee", "morning of 11 June 2025", "afternoon of 11 June 2025"}}}},
	{name: "central-bank-recommends"},
	// A parliament: the minister reveals a budget the house "did not
	// reconvene until the following day" to pass; the twin reveals it
	// after the vote.
	{name: "parliament-budget-reconvened-later", want: []want{{"announced-before-decision", []string{"Rasa Kovac", "revealed", "National Assembly", "reconvened only on", "14 November 2025", "15 November 2025"}}}},
	{name: "parliament-budget-after-vote"},
	// A university: minutes record the vice-chancellor informing staff
	// of a closure the senate deliberated on two days later; the twin
	// "will propose" it.
	{name: "university-senate-deliberated-later", want: []want{{"announced-before-decision", []string{"Miriam Adeyemi", "informed", "Academic Senate", "18 March 2025", "20 March 2025"}}}},
	{name: "university-senate-will-propose"},
	// A company: board minutes record the chief executive disclosing an
	// acquisition before the board assembled; the twin after.
	{name: "company-board-assembled-later", want: []want{{"announced-before-decision", []string{"Tomas Reyes", "disclosed", "Board of Directors", "morning of 30 September 2025", "afternoon of 30 September 2025"}}}},
	{name: "company-board-assembled-earlier"},
	// A meeting: talks held with no readout; the twin's dossier holds
	// the published readout.
	{name: "eu-talks-no-readout", want: []want{{"meeting-without-record", []string{"Henrik Aalto", "Dana Ostrova", "7 July 2025"}}}},
	{name: "eu-talks-readout"},
}

type caseFinding struct {
	Kind    string `json:"kind"`
	Summary string `json:"summary"`
}

// caseFindings runs a case through the whole program, as a user would:
// add its folder to a fresh database and list the findings.
func caseFindings(t *testing.T, name string) []caseFinding {
	t.Helper()
	return findingsOf(t, filepath.Join("testdata", "cases", name))
}

// findingsOf adds the folder dir to a fresh database and returns the
// accountability findings.
func findingsOf(t *testing.T, dir string) []caseFinding {
	t.Helper()
	name := filepath.Base(dir)
	db := filepath.Join(t.TempDir(), "d.db")
	var out, errb bytes.Buffer
	if code := cli.Main(context.Background(), []string{"--db", db, "-q", "add", dir}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("%s: add exited %d: %s", name, code, errb.String())
	}
	out.Reset()
	errb.Reset()
	if code := cli.Main(context.Background(), []string{"--db", db, "findings", "--json"}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("%s: findings exited %d: %s", name, code, errb.String())
	}
	var fs []caseFinding
	if err := json.Unmarshal(out.Bytes(), &fs); err != nil {
		t.Fatalf("%s: findings --json: %v\n%s", name, err, out.String())
	}
	var kept []caseFinding
	for _, f := range fs {
		for _, k := range accountability {
			if f.Kind == k {
				kept = append(kept, f)
			}
		}
	}
	return kept
}

// matches reports whether the findings are exactly the wanted ones, and
// if not, why.
func matches(got []caseFinding, wants []want) (bool, string) {
	if len(got) != len(wants) {
		return false, "wrong number of findings"
	}
	used := make([]bool, len(got))
	for _, w := range wants {
		found := false
		for i, f := range got {
			if used[i] || f.Kind != w.kind {
				continue
			}
			all := true
			for _, word := range w.words {
				if !strings.Contains(f.Summary, word) {
					all = false
				}
			}
			if all {
				used[i], found = true, true
				break
			}
		}
		if !found {
			return false, "no " + w.kind + " finding saying " + strings.Join(w.words, ", ")
		}
	}
	return true, ""
}

// TestDevelopmentCases runs every development case and asserts exactly
// its findings, and none for the twins.
func TestDevelopmentCases(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole program on each case")
	}
	var failed []string
	for _, c := range devCases {
		got := caseFindings(t, c.name)
		ok, why := matches(got, c.want)
		switch {
		case c.miss == "" && !ok:
			failed = append(failed, c.name)
			t.Errorf("%s: %s; got %d:\n%s", c.name, why, len(got), describeFindings(got))
		case c.miss != "" && ok:
			t.Errorf("%s is marked as a known miss (%s) but now gives its findings: remove the mark", c.name, c.miss)
		}
	}
	if len(failed) > 0 {
		t.Logf("failing cases: %s", strings.Join(failed, " "))
	}
}

func describeFindings(fs []caseFinding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("  [" + f.Kind + "] " + f.Summary + "\n")
	}
	return b.String()
}

// runText runs one invented article, written on date, through the whole
// program and returns its accountability findings.
func runText(t *testing.T, text, date string) []caseFinding {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.meta.yaml"), []byte("date: "+date+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return findingsOf(t, dir)
}

// TestOrderExpressions: each expression of order fixes the rate
// committee's meeting or decision in time relative to the governor's
// announcement, so that the announcement is found early, or not.
func TestOrderExpressions(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole program on each text")
	}
	const morning = "Governor Ada Lindqvist announced on the morning of 4 May that the central bank had decided to cut its key interest rate. "
	const day = "Governor Ada Lindqvist announced on 4 May that the central bank had decided to cut its key interest rate. "
	cases := []struct {
		expr, text string
		want       []string // words of the announced-before-decision finding; nil: none
	}{
		{"did not meet until", morning + "The Monetary Policy Committee did not meet until the afternoon of 4 May.", []string{"morning of 4 May 2025", "met only on the afternoon of 4 May 2025"}},
		{"did not sit until the evening of", morning + "The Monetary Policy Committee did not sit until the evening of 4 May.", []string{"sat only on the evening of 4 May 2025"}},
		{"only on", day + "The Monetary Policy Committee met only on 6 May.", []string{"4 May 2025", "met only on 6 May 2025", "2 days earlier"}},
		{"approved it only on", day + "The Monetary Policy Committee approved it only on 6 May.", []string{"approved only on 6 May 2025"}},
		{"not before", day + "The Monetary Policy Committee did not meet before 6 May.", []string{"6 May 2025"}},
		{"not before, the same day", "Governor Ada Lindqvist announced on 6 May that the central bank had decided to cut its key interest rate. The Monetary Policy Committee did not meet before 6 May.", nil},
		{"several hours after the statement", morning + "The Monetary Policy Committee met on the afternoon of 4 May, several hours after the statement.", []string{"afternoon of 4 May 2025"}},
		{"the day after", day + "The Monetary Policy Committee met the day after.", []string{"met only on 5 May 2025", "one day earlier"}},
		{"the following day", day + "The Monetary Policy Committee voted the following day.", []string{"voted only on 5 May 2025"}},
		{"later that day", morning + "The Monetary Policy Committee met later that day.", []string{"met only on 4 May 2025, after the morning"}},
		{"that evening", morning + "The Monetary Policy Committee met that evening.", []string{"met only on the evening of 4 May 2025"}},
		{"earlier that morning", "Governor Ada Lindqvist announced on the afternoon of 4 May that the central bank had decided to cut its key interest rate. The Monetary Policy Committee had met earlier that morning.", nil},
		{"earlier that day", "Governor Ada Lindqvist announced on the afternoon of 4 May that the central bank had decided to cut its key interest rate. The Monetary Policy Committee had met earlier that day.", nil},
		{"the day before", day + "The Monetary Policy Committee had met the day before.", nil},
		{"before the vote", "The Monetary Policy Committee sets the key interest rate. Governor Ada Lindqvist announced the interest rate cut on 4 May, before the vote.", []string{"before the vote"}},
		{"before the vote in another body", "The Monetary Policy Committee sets the key interest rate. Governor Ada Lindqvist announced the interest rate cut on 4 May, before the vote in parliament.", nil},
		// A generic model applies only where its deciding body is named:
		// "Governor" and "the vote" stand in any news.
		{"no deciding body named", "Governor Ada Lindqvist announced the interest rate cut on 4 May, before the vote.", nil},
	}
	for _, c := range cases {
		got := runText(t, "Rate cut\n\n"+c.text+"\n", "2025-05-10")
		var abd []caseFinding
		for _, f := range got {
			if f.Kind == "announced-before-decision" {
				abd = append(abd, f)
			}
		}
		if c.want == nil {
			if len(abd) > 0 {
				t.Errorf("%s: want no finding, got:\n%s", c.expr, describeFindings(abd))
			}
			continue
		}
		if ok, why := matches(abd, []want{{"announced-before-decision", c.want}}); !ok {
			t.Errorf("%s: %s; got:\n%s", c.expr, why, describeFindings(got))
		}
	}
}

// TestWhoMayAnnounce: an office that speaks for the institution
// announcing a decision before the deciding body met is the finding;
// someone who does not speak for it, a proposal, or the same
// announcement after the vote is not.
func TestWhoMayAnnounce(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole program on each text")
	}
	const met = " The Monetary Policy Committee met on the afternoon of 4 May."
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Governor Ada Lindqvist announced on the morning of 4 May that the central bank had decided to cut its key interest rate." + met, true},
		{"Two bond traders said on the morning of 4 May that the central bank had decided to cut its key interest rate." + met, false},
		{"Governor Ada Lindqvist announced on the morning of 4 May that she will propose to the Monetary Policy Committee a cut in the key interest rate, which it approved." + met, false},
		{"Governor Ada Lindqvist announced on the morning of 4 May that she recommends a cut in the key interest rate, which the committee approved." + met, false},
		{"Governor Ada Lindqvist announced on the evening of 4 May that the central bank had decided to cut its key interest rate." + met, false},
		{"Governor Ada Lindqvist announced the interest rate cut on 4 May, two days before the Monetary Policy Committee voted.", true},
		{"Two bond traders announced the interest rate cut on 4 May, two days before the Monetary Policy Committee voted.", false},
	} {
		got := runText(t, "Rate cut\n\n"+c.text+"\n", "2025-05-10")
		found := false
		for _, f := range got {
			found = found || f.Kind == "announced-before-decision"
		}
		if found != c.want {
			t.Errorf("%s\n announced-before-decision %v, want %v:\n%s", c.text, found, c.want, describeFindings(got))
		}
	}
}

// TestGenericModelsNeedTheirDecidingBody: the bundled models of kinds of
// institution (a parliament, a company, a central bank) do not apply to
// news that only names a government, a chief executive or a governor, as
// all news does: no accountability finding then (each text gave one, a
// decision by the wrong body and a meeting with no record, when the
// parliament model applied through "government").
func TestGenericModelsNeedTheirDecidingBody(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole program on each text")
	}
	for _, text := range []string{
		"The government of Varnow, in concert with a group of monks, passed laws restricting religious freedom.",
		"Prime Minister Ines Varga of the government met President Juma Otieno of Kenya on 8 May.",
	} {
		got := runText(t, "News\n\n"+text+"\n", "2025-05-10")
		for _, f := range got {
			for _, k := range accountability {
				if f.Kind == k {
					t.Errorf("%q: want no accountability finding, got:\n%s", text, describeFindings(got))
				}
			}
		}
	}
}
