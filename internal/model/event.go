package model

import "strings"

// Participant is the source or target of an event: the words that name
// it and the actor they resolve to.
type Participant struct {
	Span
	Code string `json:"code"`
	Name string `json:"name,omitempty"`
}

// Label names the participant for people: its actor's name (else the
// words of the text) and its code, "Jane Doe (KENGOV)".
func (p Participant) Label() string {
	name := p.Name
	if name == "" {
		name = strings.Join(strings.Fields(p.Text), " ")
	}
	if p.Code == "" {
		return name
	}
	return name + " (" + p.Code + ")"
}

// Event is one coded event: who did what to whom, with its evidence.
type Event struct {
	ID  string `json:"id"`
	Doc string `json:"doc"`
	// Sentence is the sentence the event was coded from.
	Sentence Span `json:"sentence"`
	// Trigger is the verb or noun that fired the pattern.
	Trigger Span         `json:"trigger"`
	Source  Participant  `json:"source"`
	Target  *Participant `json:"target"`
	// CAMEO is the CAMEO event code ("036"); Root is its two-digit root.
	CAMEO     string  `json:"cameo"`
	Root      string  `json:"root"`
	Goldstein float64 `json:"goldstein"`
	QuadClass int     `json:"quad_class"`
	// PLOVER is the PLOVER event type (REQUEST, CONSULT, ...), with its
	// mode and context.
	PLOVER       string   `json:"plover"`
	Mode         string   `json:"mode"`
	Context      []string `json:"context"`
	Negated      bool     `json:"negated"`
	Future       bool     `json:"future"`
	Hypothetical bool     `json:"hypothetical"`
	// Pattern is the id of the pattern that fired.
	Pattern string `json:"pattern"`
	// When is the time the event is anchored to, if any.
	When *Anchor `json:"when,omitempty"`
	// Act names what an act of the record states (internal/events,
	// acts.go): "announce", "decide", "vote", "approve", "endorse" or
	// "meet"; empty for the events of the CAMEO coder. An act that no
	// CAMEO code fits (decide, vote, approve) leaves CAMEO and PLOVER
	// empty: the act is dossier's own name for it, never a CAMEO or
	// PLOVER code.
	Act string `json:"act,omitempty"`
	// Matter is what was announced, decided, voted on or approved: the
	// object or clausal complement of the act's verb.
	Matter *Span `json:"matter,omitempty"`
	// ReportedBy is the id of the announcement that reports this act
	// ("the minister said the council had approved it"): the act is that
	// announcement's claim, not one the text itself states.
	ReportedBy string `json:"reported_by,omitempty"`
}
