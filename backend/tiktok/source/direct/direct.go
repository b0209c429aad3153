// Package direct is the webcast source that talks to TikTok itself: it
// resolves the room, gets the signed initial fetch from an Euler-compatible
// sign server, then opens TikTok's push websocket (enter room, heartbeats,
// acks).
package direct

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/tiktok/source"
)

// Defaults for Config.
const (
	DefaultWebBase     = "https://www.tiktok.com"
	DefaultSignBase    = "https://api.eulerstream.com"
	DefaultHeartbeat   = 10 * time.Second
	DefaultReadTimeout = 60 * time.Second
	DefaultUserAgent   = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36"
	DefaultTargetIDC   = "useast1a"
	clientName         = "ltth"
)

// Config configures the direct source. Zero fields get defaults.
type Config struct {
	WebBase   string // TikTok web (live page, api-live)
	SignBase  string // Euler-compatible sign server (GET {SignBase}/webcast/fetch)
	APIKey    string // sign server API key (x-api-key); secret
	SessionID string // TikTok session id for age-restricted LIVEs; secret, sent to TikTok only
	TargetIDC string // tt-target-idc cookie (default useast1a)
	UserAgent string // used for signing and the websocket alike

	Heartbeat   time.Duration // heartbeat period (default: Handshake-Options ping-interval, else 10 s)
	ReadTimeout time.Duration // a socket silent this long is dead (default 60 s)

	HTTPClient *http.Client
	// PushHostAllowed vets the push server the sign server returned
	// (default: TikTok hosts only, so a sign server's stub is refused).
	PushHostAllowed func(host string) bool
	Log             zerolog.Logger
}

// Source is the direct webcast source.
type Source struct {
	cfg    Config
	red    source.Redactor
	client *http.Client
}

// New returns a direct source.
func New(cfg Config) *Source {
	if cfg.WebBase == "" {
		cfg.WebBase = DefaultWebBase
	}
	if cfg.SignBase == "" {
		cfg.SignBase = DefaultSignBase
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if cfg.TargetIDC == "" {
		cfg.TargetIDC = DefaultTargetIDC
	}
	if cfg.ReadTimeout <= 0 {
		cfg.ReadTimeout = DefaultReadTimeout
	}
	if cfg.PushHostAllowed == nil {
		cfg.PushHostAllowed = TikTokHost
	}
	cfg.WebBase = strings.TrimRight(cfg.WebBase, "/")
	cfg.SignBase = strings.TrimRight(cfg.SignBase, "/")
	c := cfg.HTTPClient
	if c == nil {
		c = &http.Client{Timeout: 15 * time.Second}
	}
	return &Source{cfg: cfg, red: source.NewRedactor(cfg.APIKey, cfg.SessionID), client: c}
}

// Name implements source.Source.
func (s *Source) Name() string { return source.NameDirect }

// Run resolves the room, fetches, connects and streams until ctx ends or
// the connection fails.
func (s *Source) Run(ctx context.Context, t source.Target, sink source.Sink) error {
	err := s.run(ctx, t, sink)
	if err == nil || ctx.Err() != nil {
		return ctx.Err()
	}
	if e := source.AsError(err); e != nil {
		if e.Source == "" {
			e.Source = s.Name()
		}
		return e
	}
	return source.Errorf(source.CodeProtocol, "Unexpected failure.").WithCause(s.red.Err(err)).WithSource(s.Name())
}

func (s *Source) run(ctx context.Context, t source.Target, sink source.Sink) error {
	room, err := s.resolve(ctx, t)
	if err != nil {
		return err
	}
	f, err := s.fetch(ctx, room.roomID, t.Cursor)
	if err != nil {
		return err
	}
	if room.roomID != f.roomID {
		s.cfg.Log.Debug().Str("from", room.roomID).Str("to", f.roomID).Msg("sign server moved the room id")
		room.roomID = f.roomID
	}
	s.deliverInitial(f, sink)
	conn, err := s.dial(ctx, f)
	if err != nil {
		return err
	}
	return s.stream(ctx, conn, room, sink)
}

// TikTokHost reports whether host belongs to TikTok (the only acceptable
// push servers in production).
func TikTokHost(host string) bool {
	host = strings.ToLower(host)
	for _, d := range []string{"tiktok.com", "tiktokv.com", "tiktokcdn.com", "byteoversea.com", "tiktokv.us", "tiktokv.eu"} {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}
