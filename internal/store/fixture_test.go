package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

// fixture builds documents and analyses whose spans really point into
// their text, the way the pipeline's would.

func docID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// newDoc returns an article with the given text, path and date ("" for
// none).
func newDoc(path, title, text, date string) *model.Document {
	d := &model.Document{
		ID:         docID(text),
		Path:       path,
		URL:        "https://example.org/" + path,
		Format:     "text",
		Title:      title,
		Kind:       model.KindArticle,
		DateSource: model.DateFromHeader,
		Authors:    []string{"Jane Reporter"},
		Publisher:  "Example News",
		Site:       "example.org",
		Text:       text,
		Warnings:   []string{},
	}
	if date != "" {
		d.Date = day(date)
	} else {
		d.DateSource = ""
	}
	return d
}

// span finds the n-th (from 0) occurrence of sub in text.
func span(text, sub string, n int) model.Span {
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], sub)
		if j < 0 {
			panic(fmt.Sprintf("%q not in text", sub))
		}
		if i == n {
			return model.NewSpan(text, off+j, off+j+len(sub))
		}
		off += j + len(sub)
	}
}

const natoText = `The North Atlantic Council met in Brussels on Thursday. NATO Secretary General Anders Fogh Rasmussen said: "We will protect civilians in Libya." Libya's government rejected the statement.`

// natoAnalysis is a small analysis of natoText.
func natoAnalysis(doc *model.Document) *model.Analysis {
	t := doc.Text
	sentence := span(t, `NATO Secretary General Anders Fogh Rasmussen said: "We will protect civilians in Libya."`, 0)
	quote := span(t, `We will protect civilians in Libya.`, 0)
	thursday := span(t, "Thursday", 0)
	target := &model.Participant{Span: span(t, "Libya", 0), Code: "LBY", Name: "Libya"}
	return &model.Analysis{
		Doc: doc.ID,
		Mentions: []model.Mention{
			{Span: span(t, "North Atlantic Council", 0), Actor: model.Actor{Code: "IGOWSTNAT", Name: "NATO"}, Rule: "dict"},
			{Span: span(t, "Anders Fogh Rasmussen", 0), Actor: model.Actor{Code: "IGOWSTNAT", Name: "Anders Fogh Rasmussen", Person: true}, Sentence: 1, Rule: "dict"},
			{Span: span(t, "Libya", 0), Actor: model.Actor{Code: "LBY", Name: "Libya"}, Sentence: 1, Rule: "dict"},
		},
		Timexes: []model.Timex{
			{Span: span(t, "Thursday", 0), Kind: "point", Value: "2011-03-24", Granularity: "day", Anchor: "2011-03-25", Weekday: "Thursday"},
		},
		Quotes: []model.Quote{{
			ID: doc.ShortID() + "-q1", Doc: doc.ID, Speaker: "Anders Fogh Rasmussen", SpeakerCode: "IGOWSTNAT",
			Direct: true, Cue: &model.Span{Start: sentence.Start, End: sentence.Start + 4, Text: t[sentence.Start : sentence.Start+4]},
			Sources:  []model.Span{span(t, "Anders Fogh Rasmussen", 0)},
			Contents: []model.Span{quote}, Rule: "colon-quote",
		}},
		Events: []model.Event{{
			ID: doc.ShortID() + "-e1", Doc: doc.ID, Sentence: sentence, Trigger: span(t, "protect", 0),
			Source: model.Participant{Span: span(t, "Anders Fogh Rasmussen", 0), Code: "IGOWSTNAT"},
			Target: target, CAMEO: "057", Root: "05", Goldstein: 8, QuadClass: 1,
			PLOVER: "AGREE", Mode: "promise", Context: []string{"military"}, Future: true, Pattern: "p-protect",
			When: &model.Anchor{Value: "2011-03-24", Granularity: "day", By: "sentence", Timex: &thursday},
		}},
	}
}

// bigDoc returns a document of about size bytes of text with nEvents
// events, nQuotes quotes, nMentions mentions and a few timexes: the
// shape of a real news article's analysis.
func bigDoc(i, size, nEvents, nQuotes, nMentions int) (*model.Document, *model.Analysis) {
	var b strings.Builder
	fmt.Fprintf(&b, "Report number %d on the conflict. ", i)
	sentences := []string{
		`Officials in Tripoli said on Monday that the government forces had withdrawn from the city. `,
		`"We are ready to negotiate a ceasefire," the foreign minister told reporters in Brussels. `,
		`The United Nations Security Council will meet again next week to discuss sanctions. `,
		`Rebel commanders accused the army of shelling residential areas near Misrata. `,
	}
	for k := 0; b.Len() < size; k++ {
		b.WriteString(sentences[k%len(sentences)])
	}
	text := b.String()
	doc := newDoc(fmt.Sprintf("bench/%06d.txt", i), fmt.Sprintf("Report %d", i), text, "2011-03-19")
	a := &model.Analysis{Doc: doc.ID, Mentions: []model.Mention{}, Timexes: []model.Timex{}, Quotes: []model.Quote{}, Events: []model.Event{}}
	pick := func(sub string, n int) model.Span {
		c := strings.Count(text, sub)
		return span(text, sub, n%c)
	}
	for j := 0; j < nMentions; j++ {
		a.Mentions = append(a.Mentions, model.Mention{Span: pick("Tripoli", j), Actor: model.Actor{Code: "LBYGOV", Name: "Libya"}, Sentence: j, Rule: "dict"})
	}
	for j := 0; j < 5; j++ {
		a.Timexes = append(a.Timexes, model.Timex{Span: pick("Monday", j), Kind: "point", Value: "2011-03-14", Granularity: "day", Anchor: "2011-03-19"})
	}
	for j := 0; j < nQuotes; j++ {
		a.Quotes = append(a.Quotes, model.Quote{
			ID: fmt.Sprintf("%s-q%d", doc.ShortID(), j), Doc: doc.ID, Speaker: "foreign minister", SpeakerCode: "LBYGOV", Direct: true,
			Cue: &model.Span{}, Sources: []model.Span{pick("the foreign minister", j)},
			Contents: []model.Span{pick("We are ready to negotiate a ceasefire,", j)}, Rule: "quote-said",
		})
	}
	for j := 0; j < nEvents; j++ {
		sent := pick(sentences[0], j)
		a.Events = append(a.Events, model.Event{
			ID: fmt.Sprintf("%s-e%d", doc.ShortID(), j), Doc: doc.ID, Sentence: sent, Trigger: pick("withdrawn", j),
			Source: model.Participant{Span: pick("government forces", j), Code: "LBYMIL"},
			Target: &model.Participant{Span: pick("city", j), Code: "LBY"}, CAMEO: "0871", Root: "08", Goldstein: 7.5, QuadClass: 1,
			PLOVER: "RETREAT", Mode: "", Context: []string{"military"}, Pattern: "withdraw-from",
		})
	}
	return doc, a
}
