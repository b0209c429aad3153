package tts

import (
	"encoding/binary"
	"time"
)

// Duration is how long a clip plays: exact for WAV, from the first frame's
// bitrate for (CBR) MP3, else an estimate from the text length.
func Duration(a Audio, text string) time.Duration {
	if d := wavDuration(a.Data); d > 0 {
		return d
	}
	if d := mp3Duration(a.Data); d > 0 {
		return d
	}
	return 500*time.Millisecond + time.Duration(len([]rune(text)))*70*time.Millisecond
}

func wavDuration(b []byte) time.Duration {
	if !sniffWAV(b) || len(b) < 44 {
		return 0
	}
	byteRate := binary.LittleEndian.Uint32(b[28:32])
	if byteRate == 0 {
		return 0
	}
	return time.Duration(float64(len(b)-44) / float64(byteRate) * float64(time.Second))
}

var mp3Bitrates = [...]int{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320} // MPEG-1 layer III
var mp3Bitrates2 = [...]int{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}    // MPEG-2/2.5 layer III

func mp3Duration(b []byte) time.Duration {
	off := 0
	if len(b) > 10 && string(b[:3]) == "ID3" {
		off = 10 + (int(b[6])<<21 | int(b[7])<<14 | int(b[8])<<7 | int(b[9]))
	}
	for i := off; i+4 <= len(b) && i < off+4096; i++ {
		if b[i] != 0xFF || b[i+1]&0xE0 != 0xE0 || (b[i+1]>>1)&3 != 1 {
			continue // not a layer III frame sync
		}
		idx := int(b[i+2] >> 4)
		if idx == 0 || idx >= 15 {
			continue
		}
		kbps := mp3Bitrates2[idx]
		if (b[i+1]>>3)&3 == 3 {
			kbps = mp3Bitrates[idx]
		}
		return time.Duration(float64(len(b)-i) * 8 / float64(kbps*1000) * float64(time.Second))
	}
	return 0
}
