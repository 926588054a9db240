// Package checks runs accountability checks against an institution's own
// procedure.
//
// In: the dossier's documents, their analyses (mentions, temporal
// expressions, quotes with verdicts, events), the timeline, and procedure
// models (data/procedures/*.yaml plus user files). Out: findings, each
// with a kind, a severity, a one-sentence summary and the evidence it
// rests on. Each check is a small rule in its own file; a check that
// cannot establish its pattern from the text stays silent.
//
// What reads the record and what still reads phrases (issue 16, item 1,
// under way):
//
//   - meeting-without-record reads the CONSULT events of coverage
//     (meeting.go); only "no readout was published" is a phrase.
//   - announced-before-decision: the deciding body's meetings are read
//     from the events of a sentence (acts.go): an event coded as meeting,
//     negotiating or signing (CAMEO 040, 044, 046, 057) whose source names
//     a deciding body, or was resolved to it as a whole name, with the
//     event's negation, future and hypothetical flags, dated by the
//     expression the coder attached to its clause. Where such an event
//     covers a sentence, the phrase search leaves it alone. Decisions
//     ("approved", "voted", "adopted") and meetings in sentences no such
//     event covers are still found by the body's name followed by a
//     meeting or decision phrase (bodyActs), because the event coder does
//     not code them yet.
//   - The announcements themselves (announcements in decision.go) are
//     still found by phrase: an announcing verb, a "decided" phrase in
//     its complement, a speaks_for body in its subject. The coder codes
//     no statement events (a reported act is coded as the act, and "the alliance
//     had decided to send" as an intent), so there is nothing to read
//     yet; the stated order ("two days before the council voted",
//     stated.go) and decision-by-wrong-body are phrase searches too. The
//     words that guard all of these (negation, modals, until, before) are
//     read from the sentence in every path.
package checks
