package normalize

import (
	"bytes"
	"unicode/utf8"

	"google.golang.org/protobuf/encoding/protowire"
)

// wireReader walks the fields of one protobuf message in place. The
// normalizer reads the few fields it needs this way instead of
// materialising whole webcastpb messages: TikTok's messages carry dozens of
// fields (image lists, badges, effects) that would each cost an allocation.
// Field numbers are those of webcast.proto; decode_diff_test.go checks the
// two agree.
//
// Semantics follow protobuf: unknown fields and fields whose wire type does
// not match are skipped, the last occurrence of a scalar wins. Unlike the
// generated code, string fields are not rejected for invalid UTF-8; they
// are repaired when turned into event text (see text).
type wireReader struct {
	b   []byte
	num protowire.Number
	typ protowire.Type
	bad bool
}

func newWire(b []byte) wireReader { return wireReader{b: b} }

// next advances to the next field; false at the end or on malformed input.
func (r *wireReader) next() bool {
	if len(r.b) == 0 || r.bad {
		return false
	}
	if c := r.b[0]; c < 0x80 && c >= 8 { // one-byte tag: fields 1..15
		r.num, r.typ, r.b = protowire.Number(c>>3), protowire.Type(c&7), r.b[1:]
		return true
	}
	num, typ, n := protowire.ConsumeTag(r.b)
	if n < 0 {
		r.bad = true
		return false
	}
	r.num, r.typ, r.b = num, typ, r.b[n:]
	return true
}

// ok reports whether the message was read to its end without error.
func (r *wireReader) ok() bool { return !r.bad }

func (r *wireReader) skip() {
	n := protowire.ConsumeFieldValue(r.num, r.typ, r.b)
	if n < 0 {
		r.bad = true
		r.b = nil
		return
	}
	r.b = r.b[n:]
}

// u64 stores a varint field into dst (skips any other wire type).
func (r *wireReader) u64(dst *uint64) {
	if r.typ != protowire.VarintType {
		r.skip()
		return
	}
	v, n := protowire.ConsumeVarint(r.b)
	if n < 0 {
		r.bad = true
		return
	}
	*dst, r.b = v, r.b[n:]
}

func (r *wireReader) i64(dst *int64) {
	var v uint64
	if r.typ == protowire.VarintType {
		r.u64(&v)
		*dst = int64(v)
		return
	}
	r.skip()
}

// i32 reads an int32 (or enum) field: the varint is truncated to 32 bits,
// as protobuf does.
func (r *wireReader) i32(dst *int64) {
	var v uint64
	if r.typ == protowire.VarintType {
		r.u64(&v)
		*dst = int64(int32(v))
		return
	}
	r.skip()
}

func (r *wireReader) boolean(dst *bool) {
	var v uint64
	if r.typ == protowire.VarintType {
		r.u64(&v)
		*dst = v != 0
		return
	}
	r.skip()
}

// bytes stores a length-delimited field (aliasing the input) into dst.
func (r *wireReader) bytes(dst *[]byte) {
	if r.typ != protowire.BytesType {
		r.skip()
		return
	}
	v, n := protowire.ConsumeBytes(r.b)
	if n < 0 {
		r.bad = true
		return
	}
	*dst, r.b = v, r.b[n:]
}

// sub returns the bytes of an embedded message field; false (and the field
// skipped) when the wire type is not length-delimited.
func (r *wireReader) sub() ([]byte, bool) {
	var v []byte
	if r.typ != protowire.BytesType {
		r.skip()
		return nil, false
	}
	r.bytes(&v)
	return v, !r.bad
}

// text turns wire bytes into event text, repairing invalid UTF-8.
func text(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if utf8.Valid(b) {
		return string(b)
	}
	return string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
}
