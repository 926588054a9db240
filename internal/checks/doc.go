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
// The checks of decisions read the record, not phrases. The event coder
// gives the acts of the record (internal/events, acts.go; the patterns
// are data/events/acts.yaml): announcements, decisions, votes, approvals,
// endorsements and meetings, each an event with who acted, its time
// (anchored to a temporal expression, with its part of day), its
// polarity and modality flags, its matter (the object or clausal
// complement of the verb, as a span), and, for an act that an
// announcement reports ("the minister revealed that parliament had
// approved the budget"), the announcement it is the claim of
// (ReportedBy). Here:
//
//   - who acted is resolved to a body of a procedure: by a body's name or
//     alias in the words of the event's source, by the actor the mention
//     resolver gave it as a whole name, and, for the announcer, by
//     another mention of the same person that gives the office (acts.go);
//   - announced-before-decision compares the dates of the announcements
//     of a decision taken (an announce act whose reported act is a
//     decision that happened, by someone who speaks for the institution
//     and does not decide what it announces) with the acts of the bodies
//     that decide the matter (decision.go); the CAMEO coder's meetings of
//     a deciding body (040, 044) count as its acts too;
//   - the stated order ("four days before the council voted") is the
//     order the pipeline reads between the acts of a sentence (the
//     body's act lists the announcement in When.After; stated.go);
//   - decision-by-wrong-body is a decide or approve act by a body that
//     decides nothing, on a matter the procedure gives another body;
//   - meeting-without-record reads the CONSULT events of coverage
//     (meeting.go); only "no readout was published" is a phrase.
//
// Codes: the acts that CAMEO codes keep its code (announce 010, endorse
// 051, meet 040); a body's formal decision, vote or approval has none in
// CAMEO or PLOVER, and those acts carry only their name (Event.Act), never
// a code of their own in the CAMEO or PLOVER fields.
package checks
