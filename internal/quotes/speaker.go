package quotes

// said is a resolved speaker of an earlier quote, for pronouns.
type said struct {
	pos    int
	para   int
	name   string
	anon   bool
	person bool
}
