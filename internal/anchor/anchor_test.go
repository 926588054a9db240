package anchor

import (
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

// TestAnchor checks which expression dates an event or a quote, on
// analyses built by hand: the temporal expressions come from the tagger,
// the events and quotes are placed on the words named in the case.
func TestAnchor(t *testing.T) {
	x := newTools(t)
	type quote struct {
		cue, content string
		reported     bool
	}
	for _, c := range []struct {
		name, text, date string
		events           []string // trigger words, each once in the text
		quotes           []quote
		want             []string // per event, then per quote: "VALUE by BY", or "" for unknown
	}{
		{
			// told in the past, it happened before the text was
			// written: a weekday read as the one after is no date of it
			name:   "told in the past, not dated after the document",
			text:   "At a campaign event in Arlo, Velgrad, on Sunday, Mrs. Holt tried to expand on her statement, saying that the port should reopen.",
			date:   "2030-05-08",
			events: []string{"tried"},
			quotes: []quote{{"saying", "the port should reopen", true}},
			want:   []string{"2030-05-08 by document", "2030-05-08 by document"},
		},
		{
			// the tree: a date in a clause below the event's, or beside
			// it, does not date it; one in the clause it hangs in does
			name:   "a date in a relative clause dates only that clause",
			text:   "The minister urged Velmor to resume the talks it abandoned in 2019.",
			date:   "2030-05-10",
			events: []string{"urged", "abandoned"},
			want:   []string{"2030-05-10 by document", "2019 by clause"},
		},
		{
			name:   "a date in a reported clause does not date the saying",
			text:   "The minister said that the board would convene on 14 June 2030.",
			date:   "2030-05-10",
			events: []string{"convene"},
			quotes: []quote{{"said", "the board would convene on 14 June 2030", true}},
			want:   []string{"2030-06-14 by clause", "2030-05-10 by document"},
		},
		{
			name:   "a participle and a clause of time share the date of the clause they hang on",
			text:   "Speaking to reporters on 2 May, the minister criticized the board. When the mill closed in 2019, the union protested.",
			date:   "2030-05-10",
			events: []string{"criticized", "protested"},
			want:   []string{"2030-05-02 by clause", "2019 by clause"},
		},
		{
			name:   "a date in the clause above dates a relative clause",
			text:   "On 2 May the minister thanked a woman who praised the board.",
			date:   "2030-05-10",
			events: []string{"praised"},
			want:   []string{"2030-05-02 by clause"},
		},
		{
			name:   "a day of its own that cannot be resolved does not borrow the paragraph's date",
			text:   "GENEVA, March 3 (Wire) - The agreement will lapse on 3 March 2031. The board will convene on Thursday 14 March.",
			events: []string{"convene"},
			want:   []string{""},
		},
		{
			name:   "a weekday that fits the year of the nearest date gives the year",
			text:   "GENEVA, March 3 (Wire) - The agreement will lapse on 3 March 2031. The board will convene on Friday 14 March.",
			events: []string{"convene"},
			want:   []string{"2031-03-14 by clause"},
		},
		{
			name:   "a duration, a decade and the open end of a span date nothing",
			text:   "The mill of Varnow will hire 300 workers within 18 months. Wages have stagnated since at least the 1980s. The plant closed for three years. The depot has stood empty since 2004.",
			date:   "2030-05-10",
			events: []string{"hire", "stagnated", "closed", "stood"},
			want:   []string{"2030-05-10 by document", "2030-05-10 by document", "2030-05-10 by document", "2030-05-10 by document"},
		},
		{
			name:   "a paragraph opener that cannot be resolved sets no date",
			text:   "The next day the board gathered in the capital. Its chair resigned.",
			date:   "2030-05-10",
			events: []string{"gathered", "resigned"},
			want:   []string{"", ""},
		},
		{
			name:   "a clock time does not stop the paragraph's date",
			text:   "On 2 May the board gathered in the capital. Its chair resigned at 6pm.",
			date:   "2030-05-10",
			events: []string{"resigned"},
			want:   []string{"2030-05-02 by paragraph"},
		},
		{
			name:   "a date inside a quotation does not date the promise",
			text:   `The governor pledged that "we will cut the levy next year."`,
			date:   "2030-05-10",
			events: []string{"pledged", "cut"},
			quotes: []quote{{"pledged", "we will cut the levy next year.", false}},
			want:   []string{"2030-05-10 by document", "2031 by clause", "2030-05-10 by document"},
		},
		{
			name:   "a date in a clause hung on with a comma dates only that clause",
			text:   "The council condemned the raids in the north, where gunmen killed six guards last Sunday.",
			date:   "2030-05-10",
			events: []string{"condemned", "killed"},
			want:   []string{"2030-05-10 by document", "2030-05-05 by clause"},
		},
		{
			name:   "a later date with no comma clause between still dates the event",
			text:   "The council condemned the raids in the north last Sunday.",
			date:   "2030-05-10",
			events: []string{"condemned"},
			want:   []string{"2030-05-05 by clause"},
		},
		{
			name:   "a date in reported speech dates what was reported, not the saying",
			text:   "The envoy said he had met the ambassador on Friday.",
			date:   "2030-05-10",
			events: []string{"met"},
			quotes: []quote{{"said", "he had met the ambassador on Friday", true}},
			want:   []string{"2030-05-10 by clause", "2030-05-10 by document"},
		},
		{
			name:   "a date outside the quotation still dates it",
			text:   `On 2 May the governor pledged that "we will cut the levy."`,
			date:   "2030-05-10",
			events: []string{"pledged"},
			quotes: []quote{{"pledged", "we will cut the levy.", false}},
			want:   []string{"2030-05-02 by clause", "2030-05-02 by clause"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := &model.Document{ID: "d", Kind: model.KindArticle, Text: c.text}
			if c.date != "" {
				doc.Date, _ = time.Parse("2006-01-02", c.date)
			}
			span := func(w string) model.Span {
				i := strings.Index(c.text, w)
				if i < 0 {
					t.Fatalf("%q not in the text", w)
				}
				return model.NewSpan(c.text, i, i+len(w))
			}
			td, a := x.analyse(doc)
			for _, w := range c.events {
				a.Events = append(a.Events, model.Event{Trigger: span(w)})
			}
			for _, q := range c.quotes {
				cue := span(q.cue)
				a.Quotes = append(a.Quotes, model.Quote{Direct: !q.reported, Cue: &cue, Contents: []model.Span{span(q.content)}, Rule: "test"})
			}
			x.an.Anchor(doc, td, a)
			var got []string
			for _, e := range a.Events {
				got = append(got, show(e.When))
			}
			for _, q := range a.Quotes {
				got = append(got, show(q.When))
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("%s\n got  %q\n want %q", c.text, got, c.want)
			}
		})
	}
}

func show(a *model.Anchor) string {
	if a == nil {
		return ""
	}
	return a.Value + " by " + a.By
}
