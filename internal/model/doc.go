// Package model holds the core types that every stage of dossier shares:
// documents, spans, actors, mentions, events, quotes, temporal expressions
// and findings. It has no behaviour beyond small helpers and imports
// nothing from the project; every other package imports it.
//
// Offsets are byte offsets into Document.Text, half-open [Start, End).
// A Span's Text always equals Document.Text[Start:End].
package model
