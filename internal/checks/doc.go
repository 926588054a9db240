// Package checks runs accountability checks against an institution's own
// procedure.
//
// In: the dossier's documents, their analyses (mentions, temporal
// expressions, quotes with verdicts, events), the timeline, and procedure
// models (data/procedures/*.yaml plus user files). Out: findings, each
// with a kind, a severity, a one-sentence summary and the evidence it
// rests on. Each check is a small rule in its own file; a check that
// cannot establish its pattern from the text stays silent.
package checks
