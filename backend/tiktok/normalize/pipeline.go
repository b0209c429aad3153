package normalize

import (
	"sync"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/decode"
	"github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// FrameInfo describes one fed frame: its type and, for "msg" frames, what
// the connection must do next (ack, remember the cursor).
type FrameInfo struct {
	PayloadType string // "msg", "hb", "ack", "im_enter_room_resp", ...
	SeqID       uint64
	LogID       uint64
	Messages    int // envelopes in the fetch result
	// NeedAck: send AckFrame() back on the socket.
	NeedAck bool
	// InternalExt and Cursor of the fetch result (the im-internal_ext /
	// im-cursor frame headers win when present). Keep them for a reconnect.
	InternalExt []byte
	Cursor      string
}

// AckFrame returns the ack frame to send, or nil when no ack is needed.
func (i FrameInfo) AckFrame() []byte {
	if !i.NeedAck {
		return nil
	}
	return decode.AckFrame(i.LogID, i.InternalExt)
}

// PipelineStats counts frames on top of the normalizer's Stats.
type PipelineStats struct {
	Frames    uint64 // frames fed
	MsgFrames uint64 // "msg" frames among them
	BadFrames uint64 // frames that failed to decode (skipped)
	Stats
}

// Pipeline decodes raw websocket frames and normalizes their messages. One
// per stream; it reuses its decode buffers, and is safe for concurrent use
// (calls are serialized).
type Pipeline struct {
	mu    sync.Mutex
	norm  *Normalizer
	dec   *decode.Decoder
	frame webcastpb.WebcastPushFrame
	res   fetchView
	stats PipelineStats
}

// NewPipeline feeds n (which the caller keeps across reconnects).
func NewPipeline(n *Normalizer) *Pipeline {
	return &Pipeline{norm: n, dec: decode.NewDecoder()}
}

// Normalizer returns the pipeline's normalizer (for Tick, FlushAll, Stats).
func (p *Pipeline) Normalizer() *Normalizer { return p.norm }

// Feed decodes one binary websocket message received at recv (zero = now)
// and appends its events to dst: first the streaks that timed out by recv,
// then the frame's messages in order. On a decode error the frame is
// skipped and counted; the events appended so far are still returned and
// must be published.
func (p *Pipeline) Feed(dst []domain.Event, frame []byte, recv time.Time) ([]domain.Event, FrameInfo, error) {
	if recv.IsZero() {
		recv = p.norm.opts.Now()
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stats.Frames++
	dst = p.tick(dst, recv)
	if err := p.dec.Frame(frame, &p.frame); err != nil {
		p.stats.BadFrames++
		return dst, FrameInfo{}, err
	}
	info := FrameInfo{PayloadType: p.frame.GetPayloadType(), SeqID: p.frame.GetSeqId(), LogID: p.frame.GetLogId()}
	if info.PayloadType != decode.TypeMsg {
		return dst, info, nil
	}
	p.stats.MsgFrames++
	raw, err := p.dec.Inflate(&p.frame)
	if err == nil && !p.res.parse(raw) {
		err = &decode.Error{Kind: decode.ErrMalformedPayload}
	}
	if err != nil {
		p.stats.BadFrames++
		return dst, info, err
	}
	p.fillInfo(&info)
	return p.normalizeAll(dst, p.res.msgs, recv), info, nil
}

// FeedResult normalizes an already decoded fetch result, such as the body
// of the initial HTTP fetch (decode.FetchResult). Its need_ack is ignored:
// the initial fetch is never acked.
func (p *Pipeline) FeedResult(dst []domain.Event, res *webcastpb.ProtoMessageFetchResult, recv time.Time) []domain.Event {
	if recv.IsZero() {
		recv = p.norm.opts.Now()
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	dst = p.tick(dst, recv)
	msgs := make([]rawMsg, 0, len(res.GetMessages()))
	for _, m := range res.GetMessages() {
		msgs = append(msgs, rawMsg{method: []byte(m.GetMethod()), payload: m.GetPayload(),
			msgID: uint64(m.GetMsgId()), history: m.GetIsHistory()})
	}
	return p.normalizeAll(dst, msgs, recv)
}

// Stats returns frame counters and the normalizer's counters.
func (p *Pipeline) Stats() PipelineStats {
	p.mu.Lock()
	s := p.stats
	p.mu.Unlock()
	s.Stats = p.norm.Stats()
	return s
}

func (p *Pipeline) tick(dst []domain.Event, recv time.Time) []domain.Event {
	n := p.norm
	n.mu.Lock()
	dst = n.tickLocked(dst, recv.UnixMilli())
	n.mu.Unlock()
	return dst
}

func (p *Pipeline) fillInfo(info *FrameInfo) {
	info.Messages = len(p.res.msgs)
	info.NeedAck = p.res.needAck
	info.InternalExt = append([]byte(nil), p.res.internalExt...)
	info.Cursor = string(p.res.cursor)
	h := p.frame.GetHeaders()
	if v, ok := h["im-internal_ext"]; ok && v != "" {
		info.InternalExt = []byte(v)
	}
	if v, ok := h["im-cursor"]; ok && v != "" {
		info.Cursor = v
	}
}

func (p *Pipeline) normalizeAll(dst []domain.Event, msgs []rawMsg, recv time.Time) []domain.Event {
	n := p.norm
	ms := recv.UnixMilli()
	n.mu.Lock()
	defer n.mu.Unlock()
	for i := range msgs {
		dst = n.appendLocked(dst, &msgs[i], ms)
	}
	return dst
}

// fetchView is a ProtoMessageFetchResult read in place: messages (1) with
// method (1), payload (2), msg_id (3), is_history (6); cursor (2),
// internal_ext (5), need_ack (9). Slices alias the inflated payload.
type fetchView struct {
	msgs        []rawMsg
	cursor      []byte
	internalExt []byte
	needAck     bool
}

func (f *fetchView) parse(b []byte) bool {
	if cap(f.msgs) > 4096 { // do not keep a huge batch's slice
		f.msgs = nil
	}
	f.msgs, f.cursor, f.internalExt, f.needAck = f.msgs[:0], nil, nil, false
	r := newWire(b)
	for r.next() {
		switch r.num {
		case 1:
			if sb, ok := r.sub(); ok {
				f.msgs = append(f.msgs, rawMsg{})
				r.bad = r.bad || !f.msgs[len(f.msgs)-1].parse(sb)
			}
		case 2:
			r.bytes(&f.cursor)
		case 5:
			r.bytes(&f.internalExt)
		case 9:
			r.boolean(&f.needAck)
		default:
			r.skip()
		}
	}
	return r.ok()
}

func (m *rawMsg) parse(b []byte) bool {
	var id int64
	r := newWire(b)
	for r.next() {
		switch r.num {
		case 1:
			r.bytes(&m.method)
		case 2:
			r.bytes(&m.payload)
		case 3:
			r.i64(&id)
		case 6:
			r.boolean(&m.history)
		default:
			r.skip()
		}
	}
	m.msgID = uint64(id)
	return r.ok()
}
