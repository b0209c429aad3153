package store

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
)

// JournalOptions tune a Journal; zero fields take the defaults.
type JournalOptions struct {
	QueueSize     int           // bus queue length (65536)
	BatchSize     int           // flush when this many events are pending (512)
	FlushInterval time.Duration // ...or when the oldest pending event is this old (20 ms)
	RetryMin      time.Duration // first back-off after a failed batch (100 ms)
	RetryMax      time.Duration // longest back-off (5 s)
	CloseTimeout  time.Duration // how long Close keeps retrying a failing batch (1 s)
}

func (o JournalOptions) withDefaults() JournalOptions {
	def := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	if o.QueueSize <= 0 {
		o.QueueSize = 65536
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 512
	}
	def(&o.FlushInterval, 20*time.Millisecond)
	def(&o.RetryMin, 100*time.Millisecond)
	def(&o.RetryMax, 5*time.Second)
	def(&o.CloseTimeout, time.Second)
	return o
}

// JournalStats are the journal's counters, for the dashboard.
type JournalStats struct {
	Written       uint64    `json:"written"`            // events committed
	Batches       uint64    `json:"batches"`            // batches committed
	FailedBatches uint64    `json:"failedBatches"`      // failed write attempts (each retry counts)
	Lost          uint64    `json:"lost"`               // events given up on (permanent error, or Close timed out)
	Dropped       uint64    `json:"dropped"`            // events the bus dropped (always 0: the journal is a lossless subscriber)
	Shed          uint64    `json:"shed"`               // of Lost: taken off a full queue while writes failed
	Degraded      string    `json:"degraded,omitempty"` // why events are not being saved, if they are not
	Queued        int       `json:"queued"`             // events waiting in the bus queue
	LastError     string    `json:"lastError,omitempty"`
	LastErrorAt   time.Time `json:"lastErrorAt,omitzero"`
}

// Journal writes every normalized event from the bus (except giftStreak
// progress) into the events table, in batches: one transaction per batch,
// flushed at BatchSize events or FlushInterval, whichever comes first.
// Write errors (disk full, I/O, locks) are logged and the batch is retried
// with back-off; Close drains the queue and flushes before returning.
type Journal struct {
	db   *DB
	sub  *bus.Subscription
	in   <-chan domain.Message
	log  zerolog.Logger
	opts JournalOptions
	w    batchWriter
	ckpt *checkpointer

	closing   chan struct{}
	done      chan struct{}
	closeOnce sync.Once
	deadline  time.Time // set before closing is closed

	written, batches, failed, lost atomic.Uint64
	resolved                       atomic.Uint64 // events taken from the queue and written or given up
	shedded                        atomic.Uint64 // of lost: shed while writes failed and the backlog was full
	failing                        atomic.Bool   // the last write attempt failed
	syncMu                         sync.Mutex
	flushed                        chan struct{} // closed (and replaced) after every flush
	syncReq                        chan struct{} // Sync asks for a commit now (group commit)

	errMu     sync.Mutex
	lastErr   string
	lastErrAt time.Time
}

// NewJournal starts a journal with the default options.
func NewJournal(db *DB, b *bus.Bus, log zerolog.Logger) *Journal {
	return NewJournalWith(db, b, log, JournalOptions{})
}

// NewJournalWith starts a journal with opts.
func NewJournalWith(db *DB, b *bus.Bus, log zerolog.Logger, opts JournalOptions) *Journal {
	opts = opts.withDefaults()
	j := &Journal{db: db, log: log.With().Str("component", "journal").Logger(), opts: opts,
		closing: make(chan struct{}), done: make(chan struct{}), flushed: make(chan struct{}),
		syncReq: make(chan struct{}, 1)}
	j.w = batchWriter{db: db, rows: make([]eventRow, 0, opts.BatchSize)}
	if err := j.w.connect(); err != nil {
		j.log.Warn().Err(err).Msg("journal connection not ready; will retry")
	}
	db.attach(j)
	j.ckpt = startCheckpointer(db, j.log)
	j.sub = b.SubscribeLossless("journal", opts.QueueSize, journaled)
	j.in = j.sub.C()
	go j.run()
	return j
}

// journaled selects what the journal keeps: events, minus streak progress.
func journaled(m *domain.Message) bool {
	return bus.EventsOnly(m) && m.Event.Type != domain.EventGiftStreak
}

// Close stops the journal after every queued event has been written (or,
// if writes keep failing, after CloseTimeout). It returns an error when
// events were lost.
func (j *Journal) Close() error {
	j.closeOnce.Do(func() {
		j.deadline = time.Now().Add(j.opts.CloseTimeout)
		close(j.closing)
		j.sub.Close() // queued messages stay readable; run drains them
	})
	<-j.done
	j.db.detach(j)
	if n := j.lost.Load(); n > 0 {
		return fmt.Errorf("journal: %d events could not be written: %s", n, j.Stats().LastError)
	}
	return nil
}

// Stats returns the journal's counters.
func (j *Journal) Stats() JournalStats {
	deg := j.Degraded()
	j.errMu.Lock()
	defer j.errMu.Unlock()
	return JournalStats{
		Written: j.written.Load(), Batches: j.batches.Load(), FailedBatches: j.failed.Load(),
		Lost: j.lost.Load(), Dropped: j.sub.Dropped(), Queued: j.sub.Queued(), Shed: j.shedded.Load(),
		LastError: j.lastErr, LastErrorAt: j.lastErrAt, Degraded: deg,
	}
}

func (j *Journal) run() {
	defer close(j.done)
	defer j.ckpt.stop()
	defer j.w.disconnect()
	in := j.in
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for in != nil {
		var tick <-chan time.Time
		if len(j.w.rows) > 0 {
			tick = timer.C
		}
		select {
		case m, ok := <-in:
			if !ok {
				in = nil
				break
			}
			if j.w.add(m.Event) == 1 {
				timer.Reset(j.opts.FlushInterval)
			}
			if j.fill(in) {
				in = nil
			}
			if len(j.w.rows) >= j.opts.BatchSize {
				timer.Stop()
				j.flush()
			}
		case <-tick:
			j.flush()
		case <-j.syncReq: // someone waits for a commit: take what is queued and commit now
			if j.fill(in) {
				in = nil
			}
			timer.Stop()
			j.flush()
		}
	}
	j.flush()
}

// fill takes whatever is already queued, up to a full batch, without
// waiting. It reports whether the queue has been closed.
func (j *Journal) fill(in <-chan domain.Message) (closed bool) {
	for len(j.w.rows) < j.opts.BatchSize {
		select {
		case m, ok := <-in:
			if !ok {
				return true
			}
			j.w.add(m.Event)
		default:
			return false
		}
	}
	return false
}

// flush writes the pending batch, retrying with back-off while the error
// may be temporary. Only a permanent error, a closed database or Close's
// deadline make it give the batch up (counted as lost).
func (j *Journal) flush() {
	n := len(j.w.rows)
	if n == 0 {
		return
	}
	delay := j.opts.RetryMin
	for attempt := 1; ; attempt++ {
		err := j.w.write()
		if err == nil {
			j.written.Add(uint64(n))
			j.batches.Add(1)
			j.ckpt.wrote()
			j.failing.Store(false)
			j.resolve(n)
			if attempt > 1 {
				j.log.Info().Int("attempts", attempt).Int("events", n).Msg("journal write recovered")
			}
			return
		}
		j.failed.Add(1)
		j.setErr(err)
		j.failing.Store(true)
		j.resolve(0)
		if reason := j.giveUp(err, attempt); reason != "" {
			j.lost.Add(uint64(n))
			j.w.reset()
			j.resolve(n)
			j.log.Error().Err(err).Int("events", n).Str("reason", reason).Msg("journal batch lost")
			return
		}
		j.log.Warn().Err(err).Int("events", n).Int("attempt", attempt).Dur("retryIn", delay).
			Msg("journal write failed; keeping the batch and retrying")
		j.sleep(delay)
		delay = min(2*delay, j.opts.RetryMax)
	}
}

func (j *Journal) giveUp(err error, attempt int) string {
	select {
	case <-j.db.closed:
		return "database closed"
	default:
	}
	if !transient(err) && attempt >= 3 {
		return "permanent error"
	}
	select {
	case <-j.closing:
		if time.Now().After(j.deadline) {
			return "close timeout"
		}
	default:
	}
	return ""
}

// sleep waits d before a retry; once Close is waiting it retries every
// RetryMin instead, until the close deadline. Meanwhile it sheds what does
// not fit the backlog (see shed), so a failing disk never stalls the live
// pipeline for longer than a shed tick.
func (j *Journal) sleep(d time.Duration) {
	select {
	case <-j.closing:
		time.Sleep(min(d, j.opts.RetryMin))
		return
	default:
	}
	t := time.NewTimer(d)
	defer t.Stop()
	tick := time.NewTicker(shedTick)
	defer tick.Stop()
	for {
		select {
		case <-t.C:
			return
		case <-j.closing:
			return
		case <-tick.C:
			j.shed()
		}
	}
}

func (j *Journal) setErr(err error) {
	j.errMu.Lock()
	j.lastErr, j.lastErrAt = err.Error(), time.Now()
	j.errMu.Unlock()
}
