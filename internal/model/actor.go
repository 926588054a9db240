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

// Rules of mentions that stand for a name without being one: a pronoun
// resolved to its antecedent, and a first person inside a quotation
// resolved to the quote's speaker (the pipeline adds the quote's id after
// a space).
const (
	RulePronoun             = "coref:pronoun"
	RuleFirstPersonSingular = "coref:first-person-singular"
	RuleFirstPersonPlural   = "coref:first-person-plural"
	// RuleAddressee is the mention of the one person a sentence addresses
	// by name that its "you" or "your" is ("Mr. Okafor, you promised …").
	RuleAddressee = "coref:addressee"
)

// Pronominal reports whether the mention is a pronoun standing for the
// actor rather than a form of its name.
func (m Mention) Pronominal() bool {
	for _, r := range [...]string{RulePronoun, RuleFirstPersonSingular, RuleFirstPersonPlural, RuleAddressee} {
		if m.Rule == r || len(m.Rule) > len(r) && m.Rule[:len(r)] == r && m.Rule[len(r)] == ' ' {
			return true
		}
	}
	return false
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
	// RoleTitle is true when Role is a title written before the name: a
	// form of address the press keeps for former holders ("President
	// Reagan", "Mayor Giuliani"), so no evidence that the role is held at
	// the document's date, as a description in apposition is.
	RoleTitle bool `json:"role_title,omitempty"`
}
