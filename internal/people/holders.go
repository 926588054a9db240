package people

import (
	"strings"
	"time"
	"unicode"

	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/model"
)

// Role holders across the dossier.
//
// A quote whose source an article only describes ("the council's chair
// said", "according to the parish treasurer") has that description as its
// speaker (model.SpeakerByDescription). When a primary record of the
// dossier names the holder of that role at that time, the quote is
// theirs: the speakers of transcripts (their role and organisation) and
// the people of attendance lines ("Present: Mayor Ana Ruiz (chair); …")
// are the holders, as of the record's date.
//
// A description matches a holder when its last word is a word of the
// role, each of its other words is a word of the role or of the
// organisation, and one at least names the organisation: a title alone
// ("the senator") may be anyone's, in a world the records do not cover.
// A role given without an organisation is held in the body whose record
// it is, named by the record's title and publisher ("the council's chair"
// matches the "Chair" of "Kelby Parish Council — minutes"). The record
// must be dated within holderWindow of the quoting document, both dates
// known, and exactly one person must match; else the description stays
// as it is: two holders, or none, are never guessed between.

// holderWindow is how far apart a record naming a role holder and a
// document describing the holder may be dated.
const holderWindow = 31 * 24 * time.Hour

type holder struct {
	name string
	// role are the words of the role, org those of the organisation,
	// lower case
	role, org map[string]bool
	date      time.Time
}

// holders indexes the role holders of the primary records by the words
// of their roles.
type Holders struct {
	byWord map[string][]int
	all    []holder
	// function tells the words of grammar ("the", "of") from the words
	// a description must match
	function func(string) bool
}

func NewHolders(function func(string) bool) *Holders {
	return &Holders{byWord: map[string][]int{}, function: function}
}

// addRecord takes the holders a primary record names: its speakers with
// a role, and the people of its attendance lines (names may be nil).
func (h *Holders) AddRecord(d *model.Document, names *ingest.Vocab) {
	if d.Date.IsZero() || !d.Kind.Primary() {
		return
	}
	// a role with no organisation is held in the body whose record it
	// is: its title and publisher ("Kelby Parish Council — minutes")
	body := roleWords(d.Title + " " + d.Publisher)
	for _, s := range d.Speakers {
		if s.Role != "" && s.Name != "" && !s.Questioner {
			org := roleWords(s.Organization)
			if len(org) == 0 {
				org = body
			}
			h.add(holder{name: s.Name, role: roleWords(s.Role), org: org, date: d.Date})
		}
	}
	if names == nil {
		return
	}
	for _, at := range ingest.Attendance(d.Text, names) {
		for _, r := range at.Roles {
			h.add(holder{name: at.Name, role: roleWords(r), org: body, date: d.Date})
		}
	}
}

func (h *Holders) add(x holder) {
	if len(x.role) == 0 || len(h.all) >= maxHolders {
		return
	}
	h.all = append(h.all, x)
	for w := range x.role {
		h.byWord[w] = append(h.byWord[w], len(h.all)-1)
	}
}

// maxHolders bounds the index: the roles of a dossier's records, not
// of every name in them.
const maxHolders = 1 << 16

// resolve gives q, when its speaker is a description, the one holder of
// that role a record names within holderWindow of d's date.
func (h *Holders) Resolve(q *model.Quote, d *model.Document) {
	if q.SpeakerBy != model.SpeakerByDescription || q.Anonymous || d.Date.IsZero() || len(h.all) == 0 {
		return
	}
	ws := h.descriptionWords(q.Speaker)
	if len(ws) == 0 {
		return
	}
	head := ws[len(ws)-1]
	found := ""
	for _, i := range h.byWord[head] {
		x := h.all[i]
		if gap := x.date.Sub(d.Date); gap > holderWindow || gap < -holderWindow {
			continue
		}
		ok, body := true, false
		for _, w := range ws[:len(ws)-1] {
			ok = ok && (x.role[w] || x.org[w])
			body = body || x.org[w] && !x.role[w]
		}
		if !ok || !body {
			continue // "the senator" alone may be any senator: only "the council's chair" is this body's
		}
		if found != "" && !model.SamePerson(found, x.name) {
			return // two holders: nobody
		}
		found = x.name
	}
	if found != "" {
		q.Speaker, q.SpeakerBy = found, model.SpeakerByRecordRole
	}
}

// roleWords are the lower-case words of a role or an organisation.
func roleWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), notWordRune) {
		out[w] = true
	}
	return out
}

// descriptionWords are the words of a description that must match a
// role: lower case, without a possessive ending and without the words
// of grammar ("the", "of", "a").
func (h *Holders) descriptionWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), notWordRune) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if w != "" && (h.function == nil || !h.function(w)) {
			out = append(out, w)
		}
	}
	return out
}

func notWordRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
}
