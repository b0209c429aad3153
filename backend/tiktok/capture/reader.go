package capture

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// DefaultMaxLine caps one capture line (a base64 frame plus framing).
const DefaultMaxLine = 16 << 20

// Record is one captured websocket message.
type Record struct {
	T     int64  // unix ms when received
	Frame []byte // raw binary WebcastPushFrame
}

// ReaderOptions choose how a Reader treats bad lines.
type ReaderOptions struct {
	// SkipBad skips (and counts) lines that are not valid records instead of
	// failing with a *LineError.
	SkipBad bool
	// MaxLine caps a line's length; <= 0 means DefaultMaxLine.
	MaxLine int
}

// LineError is a bad line: its 1-based number and what is wrong with it.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("capture line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// ErrLineTooLong is the cause of a LineError for a line past MaxLine.
var ErrLineTooLong = errors.New("line too long")

// Reader reads records one by one. Record.Frame is only valid until the
// next call to Next.
type Reader struct {
	br      *bufio.Reader
	opts    ReaderOptions
	line    int
	skipped int
	lineBuf []byte
	frame   []byte
}

// NewReader reads capture lines from r.
func NewReader(r io.Reader, opts ReaderOptions) *Reader {
	if opts.MaxLine <= 0 {
		opts.MaxLine = DefaultMaxLine
	}
	return &Reader{br: bufio.NewReaderSize(r, 64<<10), opts: opts}
}

// Next returns the next record, io.EOF at the end, a *LineError for a bad
// line (unless SkipBad), or a read error.
func (r *Reader) Next() (Record, error) {
	for {
		line, err := r.readLine()
		if err != nil && !errors.Is(err, ErrLineTooLong) {
			return Record{}, err
		}
		var rec Record
		if err == nil {
			line = bytes.TrimSpace(line)
			if len(line) == 0 {
				continue
			}
			rec, err = r.parse(line)
		}
		if err == nil {
			return rec, nil
		}
		if !r.opts.SkipBad {
			return Record{}, &LineError{Line: r.line, Err: err}
		}
		r.skipped++
	}
}

// Skipped returns how many bad lines were skipped (SkipBad).
func (r *Reader) Skipped() int { return r.skipped }

// Line returns the number of the last line read.
func (r *Reader) Line() int { return r.line }

// readLine returns the next line without its newline; io.EOF when there
// are no more lines. An over-long line is consumed and reported as
// ErrLineTooLong.
func (r *Reader) readLine() ([]byte, error) {
	r.lineBuf = r.lineBuf[:0]
	tooLong := false
	for {
		chunk, err := r.br.ReadSlice('\n')
		if !tooLong {
			r.lineBuf = append(r.lineBuf, chunk...)
			if len(r.lineBuf) > r.opts.MaxLine {
				tooLong, r.lineBuf = true, r.lineBuf[:0]
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == io.EOF && (len(r.lineBuf) > 0 || tooLong) {
			err = nil
		}
		if err != nil {
			return nil, err
		}
		r.line++
		if tooLong {
			return nil, ErrLineTooLong
		}
		return r.lineBuf, nil
	}
}

// jsonRecord is the general decoding form (any key order, whitespace).
type jsonRecord struct {
	T     *json.Number `json:"t"`
	Frame *string      `json:"frame"`
}

// parse decodes one non-blank line; the Writer's exact form takes a fast
// path, anything else goes through encoding/json.
func (r *Reader) parse(line []byte) (Record, error) {
	if t, b64, ok := splitFast(line); ok {
		return r.record(t, b64)
	}
	var jr jsonRecord
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	if err := dec.Decode(&jr); err != nil {
		return Record{}, fmt.Errorf("not a JSON record: %w", err)
	}
	if jr.T == nil || jr.Frame == nil {
		return Record{}, errors.New(`record needs "t" and "frame"`)
	}
	t, err := jr.T.Int64()
	if err != nil {
		return Record{}, fmt.Errorf(`"t" is not an integer: %w`, err)
	}
	return r.record(t, []byte(*jr.Frame))
}

func (r *Reader) record(t int64, b64 []byte) (Record, error) {
	n := base64.RawStdEncoding.DecodedLen(len(b64)) // >= StdEncoding.DecodedLen
	if cap(r.frame) < n {
		r.frame = make([]byte, n)
	}
	k, err := base64.StdEncoding.Decode(r.frame[:n], b64)
	if err != nil {
		k, err = base64.RawStdEncoding.Decode(r.frame[:n], b64)
	}
	if err != nil {
		return Record{}, fmt.Errorf(`"frame" is not base64: %w`, err)
	}
	return Record{T: t, Frame: r.frame[:k]}, nil
}

// splitFast recognises {"t":<int>,"frame":"<base64>"} exactly.
func splitFast(line []byte) (int64, []byte, bool) {
	const pre, mid, post = `{"t":`, `,"frame":"`, `"}`
	if !bytes.HasPrefix(line, []byte(pre)) || !bytes.HasSuffix(line, []byte(post)) {
		return 0, nil, false
	}
	rest := line[len(pre) : len(line)-len(post)]
	i := bytes.Index(rest, []byte(mid))
	if i <= 0 {
		return 0, nil, false
	}
	t, err := strconv.ParseInt(string(rest[:i]), 10, 64)
	b64 := rest[i+len(mid):]
	if err != nil || bytes.IndexAny(b64, `"\`) >= 0 {
		return 0, nil, false
	}
	return t, b64, true
}
