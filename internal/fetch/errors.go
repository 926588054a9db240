package fetch

import (
	"errors"
	"fmt"
	"time"
)

// Kind classifies why a fetch failed, in the terms a person watching a
// source uses. A watch reports a source once per change of kind.
type Kind string

// The kinds of failure.
const (
	// BadURL: not an http or https URL, or not a URL at all.
	BadURL Kind = "bad-url"
	// Disallowed: robots.txt does not allow dossier to fetch the URL.
	Disallowed Kind = "disallowed"
	// Down: the server cannot be reached (no such host, connection
	// refused or reset) or answers with an error status.
	Down Kind = "down"
	// RateLimited: the server keeps answering 429 Too Many Requests, or
	// asks to wait longer than dossier waits.
	RateLimited Kind = "rate-limited"
	// Slow: no connection, no answer or no data within the time limits,
	// including a body that stalls midway.
	Slow Kind = "slow"
	// RedirectLoop: the redirects go round in a loop or exceed the
	// limit.
	RedirectLoop Kind = "redirect-loop"
	// TooLarge: the body is over the size limit.
	TooLarge Kind = "too-large"
)

// Error is a failed fetch. Its message is one line naming the URL and
// the problem.
type Error struct {
	URL  string
	Kind Kind
	// Status is the HTTP status of the last answer, 0 when there was
	// none.
	Status int
	// RetryAfter is what the server asked to wait, when it did.
	RetryAfter time.Duration
	Err        error
}

func (e *Error) Error() string { return e.URL + ": " + e.Err.Error() }

func (e *Error) Unwrap() error { return e.Err }

func newError(url string, kind Kind, status int, format string, args ...any) *Error {
	return &Error{URL: url, Kind: kind, Status: status, Err: fmt.Errorf(format, args...)}
}

// KindOf returns the kind of a fetch error, or "" for other errors
// (such as a cancelled context).
func KindOf(err error) Kind {
	var fe *Error
	if errors.As(err, &fe) {
		return fe.Kind
	}
	return ""
}
