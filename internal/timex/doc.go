// Package timex finds temporal expressions in English news text and
// normalises them to ISO 8601 values, with the byte offsets of the words
// they rest on.
//
// # Finding
//
// Find reads the tokens and sentences of the text layer (internal/text):
// timex does not split text itself. A token with an inside ("4th", "3pm",
// "1990s", "mid-June", "2013-06-04", "3-5") is read as glued pieces, never
// across tokens. A scanner walks these pieces (vocabulary from
// data/timex/vocabulary.yaml) and, at each word, tries the interval,
// deadline, duration, open-interval and point patterns, keeping the
// longest match. Ambiguous words are guarded: "May" and "March" are months
// only when capitalised and next to a day number or year or after a month
// preposition ("in", "of", "since", "until", "by the end of" ...); a bare
// month or year needs such a preposition (a year may also precede a noun
// such as "summit" or "elections"); a bare weekday needs "on", "last",
// "next", "this", "since" ... before it or a part of day after it.
// Spans leave out simple prepositions ("on", "in", "at") but keep the cue
// of a deadline ("by the end of June") or an interval ("from ... until").
// Vague expressions ("recently", "soon") are not output.
//
// # Choosing the year
//
// A date without a year ("4 June", "in March") gets its year as follows:
//
//  1. If the sentence holds exactly one explicit year ("in 2011 ... in
//     March"), that year. Anchor is then "".
//  2. Otherwise from the reference date and the tense of the
//     expression's own clause (bounded by commas, semicolons, colons,
//     brackets, double quotes and words such as "that", "if", "which",
//     "and"). In the clause, the nearest strong cue decides, else the
//     nearest weak one. Strong cues are auxiliaries, modals and common
//     irregular past verbs ("was", "said", "met"; "will", "would",
//     "could", "may", "might"; "threatened to", "plans to", "is due");
//     "would have" and the like are past; "could not" is unclear and
//     counts as no cue, and so does a future cue after a past form of
//     "be" or after "as" ("had been due to expire", "was scheduled to": a
//     future seen from the past; "as previously planned": a plan's
//     mention); "next to" is no cue at all. Weak cues are
//     lower-case words ending in -ed. A past form after a present
//     auxiliary of the passive ("are not paid", "will be held") is no
//     cue. A participle of speech ("saying", "adding") begins a clause of
//     its own, and "and" between two capitalised words ("Immigration and
//     Naturalization Service") ends none. An opening adverbial ("In June, ...",
//     "Speaking on 4 June, ...") with no cue takes the clause after it,
//     past a subject set off by commas ("On 6 February, a spokesman, Col.
//     Jane Doe, told …").
//     With no cue in the clause, the nearest cue in the sentence decides
//     (strong ones first), except reporting verbs: in "ministers could
//     extend the curfew in June, an official said" the month belongs to
//     "could extend", not to "said". Past: the latest such date not after
//     the reference. Future: the earliest such date not before it. No
//     cue: the nearest date to the reference (ties go to the past); a
//     day a clause looks forward to that lies at most three days before
//     the reference is that day, not the same day a year on (an article
//     printed after the day it speaks of). With no cue at all, "since"
//     before the date reads as past and "until"/"till" as future.
//     Deadlines use strong cues only and default to the future; when
//     their clause is told in the past and that future lies more than a
//     month ahead, the nearest reading ("had raised $287 million by the
//     end of February" in a March paper; "ordered the records released
//     by Thursday" stays days ahead). A weekday with a possessive
//     ("Wednesday's ruling") dates its noun: a clause that looks forward
//     does not move it ahead ("would get around Wednesday's ruling"),
//     while one told in the past keeps it past ("cited at Monday's
//     debate").
//  3. With no reference date: a year-less value, "XXXX-06-04".
//
// Bare weekdays ("on Monday") follow the same tense rule within a week;
// "last Monday" is the latest Monday strictly before the reference, "next
// Monday" and "this coming Monday" the earliest strictly after.
//
// Midnight is the end of the day it is said with, 24:00 as ISO 8601 and
// TimeML write it ("expires at midnight Friday" ends Friday).
//
// # Named days
//
// Holidays listed in the vocabulary ("Christmas Day", "Thanksgiving")
// are dates: a fixed month and day, or the nth weekday of a month
// (Thanksgiving the fourth Thursday of November), with the year chosen by
// tense as for "25 December", or said after the name ("New Year's Day,
// 1998"). A name that is also a season or a word ("Christmas") is taken
// only after a preposition ("over Christmas", not "Christmas shopping").
//
// # Weekdays
//
// A weekday stated with a date ("Monday 4 June") never moves the date:
// the year is chosen as above, Weekday records the stated day and
// WeekdayMismatch tells when the date fell on another day.
// YearForWeekday lists the years in which it would have fitted.
//
// # Values
//
// Value is ISO 8601 at the expression's granularity: "2013", "2013-06",
// "2013-W23" (granularity week: "last week", "two weeks ago"),
// "2013-06-04" (day, or part-of-day with PartOfDay set), and
// "2013-06-04T15:30" (time; "T15:30" when no date is known). Intervals
// put their start in Value and their end in End; decades are intervals of
// years ("1990"/"1999"). Deadlines put the deadline at its granularity in
// Value and, for "the end of"/"mid" forms, the last admissible day in End.
// Durations carry an ISO duration ("P2W"). Expressions resolved against
// the previous expression ("that evening", "a week earlier") carry that
// expression's date in Anchor and have an empty Value when there is none;
// "the day before" and "a week after" are only read that way at a clause
// end ("the day before the vote" counts from the vote and is not output).
// "The day before yesterday" and "the day after tomorrow" are one
// expression each, counted from the reference date.
// Numeric dates (31/05/2013, 2013-05-31) are parsed with go-dateparser
// (day-month-year first, month-day-year when impossible).
package timex
