package model

// Actor is a resolved actor: a CAMEO code and a canonical name.
// Codes follow CAMEO's layout: a three-letter country or IGO prefix
// (LBY, USA, IGOWSTNAT) followed by zero or more three-letter agent codes
// (GOV, MIL, ...): "LBYGOV", "USAMIL", "IGOWSTNAT".
type Actor struct {
	Code string `json:"code"`
	// Name is the canonical name ("Ellen Johnson Sirleaf", "Kenya").
	Name string `json:"name"`
	// Person is true when the actor is an individual.
	Person bool `json:"person,omitempty"`
	// Anonymous is true for unnamed sources ("US officials, speaking on
	// condition of anonymity").
	Anonymous bool `json:"anonymous,omitempty"`
}

// Mention is a place in a document that refers to an actor.
type Mention struct {
	Span
	Actor Actor `json:"actor"`
	// Sentence indexes the sentence the mention is in.
	Sentence int `json:"sentence"`
	// Rule says how the mention was resolved: the dictionary entry, the
	// role stated in context, or the coreference step.
	Rule string `json:"rule"`
	// Role is the role the text states for a person where it names them:
	// a title before the name ("Police Chief" of "Police Chief Ana
	// Ruiz") or a description in apposition ("the police chief of
	// Harrowgate" of "Ana Ruiz, the police chief of Harrowgate,"); "" for
	// none.
	Role string `json:"role,omitempty"`
}
