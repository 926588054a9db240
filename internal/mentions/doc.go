// Package mentions finds the actor mentions of a document and resolves
// them to CAMEO-coded actors, with in-document coreference.
//
// In: a model.Document (its Text, Date, Kind, Speakers and Turns), the
// document's text layer (a text.Doc: sentences, Penn-tagged tokens and
// candidate names) and an actor dictionary (actors.Dictionary). Out: the
// document's mentions as []model.Mention, sorted by Start, each a span of
// Document.Text with the actor it refers to, the sentence it is in and the
// Rule that resolved it. Nothing is guessed: a phrase that cannot be
// resolved with confidence is left out, or kept with an empty code.
//
// Resolution runs in this order:
//
//  1. Transcript speakers. Each turn label is a mention of its speaker
//     ("transcript:speaker"), coded from the speaker's stated role and
//     organisation when both are known, else from the dictionary entry of
//     the speaker's name at the document date. Their roles are recorded
//     for step 4.
//  2. Noun phrases, sentence by sentence, left to right, longest
//     dictionary match first (tokens inside a match are not looked at
//     again):
//     - a role with a name: "AU Commission Chairperson Tendai Amara
//     Mokoena", "the Prime Minister of Kenya, Mr. Amina Yusuf", and the
//     apposition "Amina Yusuf, the Prime Minister of Kenya". The role
//     stated in the text outranks the dictionary: with an organisation
//     in the phrase the code is the organisation's with the role's
//     agent ("context:role-before-name", "context:apposition"); without
//     one, the dictionary's tenure of that role, or the holder of that
//     role at an organisation the document mentions, must name the same
//     person. The stated role is recorded for step 4;
//     - a person named after a title that is no role phrase of the
//     dictionary, or a role with words no dictionary knows before it:
//     "EU Trade Commissioner Henrik Aalto", "Kartavian Economy Minister
//     Dana Ostrova", "the Latvian journalist Dainis Ivans". The title's
//     head is a role of the dictionary or a noun for a person (WordNet's,
//     quotes/person-nouns.txt): in capitals, a common word (never a
//     given name such as "Donna", nor in a line in title case); opening
//     the phrase, only before a full name ("Hunter Varga" stays a name).
//     The name is the rest of the text layer's candidate name, its last
//     word no common word ("… Education Association" is no person). The
//     person is coded with the role at the organisation before the title
//     ("context:role-before-name"), or with the organisation alone when
//     the head is no role ("context:title-before-name"): a demonym's, an
//     IGO's or body's, a possessive's, or a country's before an agent
//     word, never a country's before another noun ("Iraq War veteran");
//     with no known organisation ("Kartavian"), with no code. A noun for
//     a person in lower case right before an unknown name ("the nominee
//     Jane Doe") makes the name a person's, as a form of address does;
//     - a person in the dictionary, coded by the tenure in force at the
//     document date ("dict:person@2013-05-27"); with no date, by the most
//     recent tenure ("dict:person (date unknown)"), or with no code when
//     their tenures were of different countries or organisations;
//     - a country, demonym, capital, IGO or body, alone or composed with
//     an agent word or a role ("the Kenyan government" → KENGOV,
//     "compose:demonym+agent"); an agent word alone codes its agent
//     ("security experts"); a group tied to an actor by a hyphenated
//     modifier ("al Qaida-linked militants") is coded by its agent word
//     only. Capitals after a locative preposition ("in Nairobi") and
//     demonyms used as adjectives of a non-actor noun ("Kenyan oil")
//     are places and qualities, not actors, and are not mentions;
//     - unnamed sources: a group followed in its sentence by an anonymity
//     marker ("speaking on condition of anonymity"), a source noun
//     ("sources said") or an indefinite singular official ("a senior
//     official") is marked Anonymous ("anonymous:marker", ...). A
//     singular official or role word followed by a name in apposition
//     ("A government spokesperson, Col. Ama Owusu, said", "The Governor,
//     Kofi Mensah, did not …") is that named person, not a group nor an
//     anonymous source ("context:apposition"); so is a name followed by
//     an agent word that is also a dictionary role ("Kofi Mensah, the
//     governor,").
//  3. Names: a person already named in the document is referred to by
//     later (or earlier) forms of the name — the surname, with or without
//     a form of address, in any case ("Mr Mokoena", "YUSUF"):
//     "coref:surname". A person's code is the one stated in context
//     wherever the document states it. Names no rule can resolve are
//     reported only when they look like a person (a form of address, or a
//     multi-word name that is the subject of a verb and has no
//     organisation word) as Actor{Code: "", Person: true} with rule
//     "name:unknown"; other unknown capitalised names are not mentions.
//  4. Role phrases without a name ("the Secretary General", "the Prime
//     Minister", "The General Secretary"): the person who holds that role
//     in this document (stated with a name anywhere in it, or a speaker's
//     role), the nearest preceding one when several do ("coref:role");
//     failing that, the dictionary's holder of the role at the document
//     date at the stated organisation or, when none is stated, at the one
//     organisation of those the document mentions that has a holder
//     ("dict:holder@..."); in a document with no date, never the
//     dictionary's (its latest holder named "the secretary of state" of a
//     2016 article after the holder of 2025); failing that the role stays
//     unresolved, coded with its organisation and agent when stated
//     ("role:unresolved").
//  5. Definite organisation heads ("the Council", "the Alliance") refer to
//     the most recent matching organisation ("coref:definite").
//  6. Third-person pronouns that are the subject of a verb or possessive
//     before a noun ("He said", "his meeting with") take the actor of the
//     most recent agreeing mention in the same sentence, else in the
//     previous one ("coref:pronoun"); a possessive in an opening phrase
//     refers forward to the subject after the comma ("In his response,
//     the Prime Minister said"). When two candidates are equally likely
//     (several different people, none the only subject), the pronoun is
//     left unresolved and is not reported.
//
// Vocabulary (pronouns, forms of address, anonymity markers, role
// aliases, ...) lives in data/mentions/vocabulary.yaml; all knowledge of
// actors lives in the dictionary.
package mentions
