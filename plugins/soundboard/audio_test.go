package soundboard

import (
	"bytes"
	"encoding/binary"
	"math"
	"testing"
)

// testMP3 is a stand-in MP3 (ID3 header, then bytes) for library tests.
func testMP3(t testing.TB) []byte {
	return append([]byte("ID3\x04\x00\x00\x00\x00\x00\x00"), bytes.Repeat([]byte{0xFF, 0xFB, 0x90, 0x00}, 256)...)
}

// testWAV is a real 16-bit mono 22050 Hz sine tone the browser can play.
func testWAV(ms int, hz float64) []byte {
	const rate = 22050
	n := rate * ms / 1000
	var b bytes.Buffer
	w := func(v any) { _ = binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString("RIFF")
	w(uint32(36 + n*2))
	b.WriteString("WAVEfmt ")
	w(uint32(16))
	w(uint16(1))
	w(uint16(1))
	w(uint32(rate))
	w(uint32(rate * 2))
	w(uint16(2))
	w(uint16(16))
	b.WriteString("data")
	w(uint32(n * 2))
	for i := 0; i < n; i++ {
		w(int16(8000 * math.Sin(2*math.Pi*hz*float64(i)/rate)))
	}
	return b.Bytes()
}
