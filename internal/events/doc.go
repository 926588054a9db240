// Package events codes who did what to whom: CAMEO and PLOVER events,
// each with the evidence it rests on.
//
// In: a document, its text layer (sentences, tokens with Penn POS tags)
// and its resolved actor mentions. Out: []model.Event, each with a
// source and (when the text gives one) a target participant, the CAMEO
// code with its root, Goldstein score and QuadClass, the PLOVER type,
// mode and context, the negated / future / hypothetical flags, the byte
// spans of the sentence, trigger, source and target, and the id of the
// pattern that fired. Explain says which pattern matched which words.
//
// The coder needs no parser: per sentence it finds trigger verbs (after a
// small lemmatiser) and event nouns from the patterns in data/events/,
// takes the source from the subject position before the verb group and
// the target from the object or the pattern's preposition after it, and
// handles passives (the by-agent is the source; with none, no source is
// invented), reported speech, infinitival requests, coordination (one
// event per source–target pair), nominal events, and negation, futures
// and conditions, which are flagged rather than coded as facts. A
// question asserts nothing and is not coded. Patterns are data: our YAML format or PETRARCH/TABARI verb
// dictionaries (see data/events/README.md).
//
// CodeStream codes JSON Lines for event-data users, in constant memory,
// on all cores, as JSON Lines with PLOVER's field names or GDELT-style
// rows.
package events
