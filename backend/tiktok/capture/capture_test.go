package capture

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWriterReaderRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rec.capture")
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	frames := [][]byte{{0x3a, 0x02, 'h', 'b'}, bytes.Repeat([]byte{0xff, 0x00}, 70_000), {}}
	for i, f := range frames {
		if err := w.WriteMs(1764140000000+int64(i), f); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteMs(1, nil); err == nil {
		t.Fatal("write after close accepted")
	}
	// Re-opening appends.
	w, _ = Create(path)
	_ = w.Write(time.UnixMilli(1764140000009), []byte("x"))
	_ = w.Close()
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", st.Mode())
	}
	f, _ := os.Open(path)
	defer f.Close()
	r := NewReader(f, ReaderOptions{})
	for i, want := range append(frames, []byte("x")) {
		rec, err := r.Next()
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if !bytes.Equal(rec.Frame, want) {
			t.Fatalf("record %d frame differs", i)
		}
	}
	if _, err := r.Next(); err != io.EOF {
		t.Fatalf("want EOF, got %v", err)
	}
}

const mixed = `{"t":1,"frame":"OgJoYg=="}

   {"frame": "OgJoYg", "t": 2 }
not json
{"t":3}
{"t":"x","frame":"OgJoYg=="}
{"t":4,"frame":"!!!"}
{"t":5,"frame":"OgJoYg=="}
{"t":6,"frame":"OgJo`

func TestReaderStrictReportsLineNumber(t *testing.T) {
	r := NewReader(strings.NewReader(mixed), ReaderOptions{})
	for _, want := range []int64{1, 2} {
		rec, err := r.Next()
		if err != nil || rec.T != want || string(rec.Frame) != ":\x02hb" {
			t.Fatalf("record t=%d: %+v %v", want, rec, err)
		}
	}
	_, err := r.Next()
	var le *LineError
	if !errors.As(err, &le) || le.Line != 4 || !strings.Contains(err.Error(), "capture line 4") {
		t.Fatalf("want line 4 error, got %v", err)
	}
}

func TestReaderSkipBad(t *testing.T) {
	r := NewReader(strings.NewReader(mixed), ReaderOptions{SkipBad: true})
	var ts []int64
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		ts = append(ts, rec.T)
	}
	if len(ts) != 3 || ts[2] != 5 || r.Skipped() != 5 {
		t.Fatalf("records %v skipped %d", ts, r.Skipped())
	}
}

func TestReaderLineTooLong(t *testing.T) {
	in := `{"t":1,"frame":"` + strings.Repeat("A", 1000) + "\"}\n" + `{"t":2,"frame":"OgJoYg=="}` + "\n"
	r := NewReader(strings.NewReader(in), ReaderOptions{MaxLine: 100, SkipBad: true})
	rec, err := r.Next()
	if err != nil || rec.T != 2 || r.Skipped() != 1 {
		t.Fatalf("%+v %v skipped %d", rec, err, r.Skipped())
	}
	r = NewReader(strings.NewReader(in), ReaderOptions{MaxLine: 100})
	if _, err := r.Next(); !errors.Is(err, ErrLineTooLong) {
		t.Fatalf("want ErrLineTooLong, got %v", err)
	}
}

func captureOf(ts ...int64) *Reader {
	var b []byte
	for _, t := range ts {
		b = AppendRecord(b, t, []byte{byte(t)})
	}
	return NewReader(bytes.NewReader(b), ReaderOptions{})
}

func TestReplayPacing(t *testing.T) {
	for _, c := range []struct {
		speed    float64
		min, max time.Duration
	}{{4, 90 * time.Millisecond, 400 * time.Millisecond}, {0, 0, 50 * time.Millisecond}} {
		start := time.Now()
		var got []int64
		err := Replay(context.Background(), captureOf(1000, 1200, 1400), c.speed, func(f []byte, t int64) error {
			got = append(got, t)
			return nil
		})
		d := time.Since(start)
		if err != nil || len(got) != 3 || d < c.min || d > c.max {
			t.Fatalf("speed %v: %v in %v (%v)", c.speed, got, d, err)
		}
	}
}

func TestReplayStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	err := Replay(ctx, captureOf(0, 60_000), 1, func([]byte, int64) error { cancel(); return nil })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancel: %v", err)
	}
	boom := errors.New("boom")
	if err := Replay(context.Background(), captureOf(1, 2), 0, func([]byte, int64) error { return boom }); err != boom {
		t.Fatalf("fn error: %v", err)
	}
	bad := NewReader(strings.NewReader("{\"t\":1,\"frame\":\"AA==\"}\nnope\n"), ReaderOptions{})
	var le *LineError
	if err := Replay(context.Background(), bad, 0, func([]byte, int64) error { return nil }); !errors.As(err, &le) || le.Line != 2 {
		t.Fatalf("bad line: %v", err)
	}
}
