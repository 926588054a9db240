package timex

import (
	"fmt"
	"os"
	"testing"
	"time"
)

func TestDebugDump(t *testing.T) {
	if os.Getenv("TIMEX_DEBUG") == "" {
		t.Skip()
	}
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ref, _ := time.Parse("2006-01-02", os.Getenv("TIMEX_REF"))
	var text string
	if f := os.Getenv("TIMEX_FILE"); f != "" {
		b, _ := os.ReadFile(f)
		text = string(b)
	} else {
		text = os.Getenv("TIMEX_TEXT")
	}
	for _, x := range find(t, tg, text, ref) {
		fmt.Printf("%q kind=%s val=%s end=%s gran=%s pod=%s anchor=%s wd=%s mm=%v fut=%v\n", x.Text, x.Kind, x.Value, x.EndValue, x.Granularity, x.PartOfDay, x.Anchor, x.Weekday, x.WeekdayMismatch, x.Future)
	}
}
