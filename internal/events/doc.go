// Package events codes who did what to whom: CAMEO and PLOVER events,
// each with the evidence it rests on.
//
// In: a document, its text layer (sentences, tokens with Penn POS tags,
// lemmas and a dependency parse) and its resolved actor mentions. Out:
// []model.Event, each with a source and (when the text gives one) a
// target participant, the CAMEO code with its root, Goldstein score and
// QuadClass, the PLOVER type, mode and context, the negated / future /
// hypothetical flags, the byte spans of the sentence, trigger, source and
// target, and the id of the pattern that fired. Explain says which
// pattern matched which words.
//
// Per sentence the coder finds trigger verbs and event nouns from the
// patterns in data/events/ (the vocabulary), and reads their roles from
// the dependency tree: the source is the subject (nsubj), the target the
// object (obj, iobj) or an oblique whose preposition the pattern names
// (obl + case). A passive subject (nsubj:pass) is the target and the
// "by" agent the source; with no agent, no source is invented. Open
// complements (xcomp: "agreed to help", "threatened to impose") take
// their governor's subject and make the action intended, refused or
// open; a request governs its object's action ("asked X to help"),
// which its own pattern codes. A pronoun subject of reported speech
// (ccomp: "Uganda said it had paid") is the speaker. Coordinated verbs
// share a subject and coordinated names make one event each (conj).
// Negation ("not", "never", "no") and modality ("may", "will") come from
// the verb's dependents; conditions, denials and doubts are flagged
// rather than coded as facts. A question asserts nothing and is not
// coded. Event nouns take their source from a possessor, a modifier, a
// source preposition ("an attack by X") or the subject of their light
// verb ("X launched an attack"). Patterns are data: our YAML format or
// PETRARCH/TABARI verb dictionaries (see data/events/README.md).
//
// CodeStream codes JSON Lines for event-data users, in constant memory,
// on all cores, as JSON Lines with PLOVER's field names or GDELT-style
// rows.
package events
