package connector

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/tiktok/source"
)

// Service is the TikTok connection as both transports reach it: the REST
// handlers (http.go) and the desktop's bindings call these methods
// (core/service gathers it as Services.Connection). Errors keep a source's
// own code (invalid_target, not_live…) and get the status of their kind.
type Service struct{ c *Connector }

// Service answers the connector's service.
func (c *Connector) Service() *Service { return &Service{c} }

// ConnectRequest names the LIVE to connect to ("" is the saved target).
type ConnectRequest struct {
	Target string `json:"target"`
}

// RecordRequest turns capture recording on or off (Enabled is required).
type RecordRequest struct {
	Enabled *bool `json:"enabled"`
}

// ReplayRequest plays a capture from the captures folder.
type ReplayRequest struct {
	Name  string       `json:"name"`  // a capture in <data-dir>/captures
	Path  string       `json:"path"`  // the same (older clients)
	Speed *ReplaySpeed `json:"speed"` // absent is 1
}

// ReplayStarted is the replay that started.
type ReplayStarted struct {
	Status string  `json:"status"`
	Name   string  `json:"name"`
	Path   string  `json:"path"`
	Speed  float64 `json:"speed"` // 0 is as fast as possible
}

// ReplayStopped says whether a replay was running.
type ReplayStopped struct {
	Stopped bool `json:"stopped"`
}

// ConfirmRequest names the pending browser path the streamer reviewed.
type ConfirmRequest struct {
	Path string `json:"path"`
}

// BrowserPathConfirmed is the confirmed path and the browser's version line.
type BrowserPathConfirmed struct {
	Path    string `json:"path"`
	Version string `json:"version"`
	State   string `json:"state"`
}

// SaveCaptureRequest is a capture file's bytes and the name it came with.
type SaveCaptureRequest struct {
	Name string    `json:"name"`
	Data io.Reader `json:"-"`
}

// ReplaySpeed accepts 1, 4 (any positive number up to 1000) or "max" (0).
type ReplaySpeed float64

// UnmarshalJSON implements json.Unmarshaler.
func (s *ReplaySpeed) UnmarshalJSON(b []byte) error {
	str := strings.Trim(string(b), `"`)
	if str == "max" {
		*s = 0
		return nil
	}
	f, err := strconv.ParseFloat(str, 64)
	if err != nil || f <= 0 || f > 1000 {
		return fmt.Errorf(`speed must be a positive number or "max"`)
	}
	*s = ReplaySpeed(f)
	return nil
}

// Status is the connection's state, sources, timeline and gaps.
func (s *Service) Status(context.Context) (Status, error) { return s.c.Status(), nil }

// Connect starts connecting to req.Target and answers the status.
func (s *Service) Connect(ctx context.Context, req ConnectRequest) (Status, error) {
	if err := s.c.Connect(ctx, req.Target); err != nil {
		return Status{}, kinded(err, httpapi.ErrInvalid)
	}
	return s.c.Status(), nil
}

// Disconnect stops the connection and answers the status.
func (s *Service) Disconnect(ctx context.Context) (Status, error) {
	if err := s.c.Disconnect(ctx); err != nil {
		return Status{}, kinded(err, httpapi.ErrUnavailable)
	}
	return s.c.Status(), nil
}

// Settings answers the settings, secrets masked.
func (s *Service) Settings(context.Context) (SettingsView, error) { return s.c.Settings().view(), nil }

// UpdateSettings applies a patch (absent fields stay, a masked secret
// stays, an empty one clears it), saves it and reconnects a running
// connection.
func (s *Service) UpdateSettings(ctx context.Context, p SettingsPatch) (SettingsView, error) {
	st, err := s.c.UpdateSettings(ctx, p)
	if err != nil {
		return SettingsView{}, kinded(err, httpapi.ErrInvalid)
	}
	return st.view(), nil
}

// Record turns capture recording on or off and answers its state.
func (s *Service) Record(_ context.Context, req RecordRequest) (Recording, error) {
	if req.Enabled == nil {
		return Recording{}, errRecordBody
	}
	if err := s.c.SetRecording(*req.Enabled); err != nil {
		return Recording{}, err
	}
	return s.c.Status().Recording, nil
}

// StartReplay plays a capture into the live pipeline, replacing a running
// replay.
func (s *Service) StartReplay(_ context.Context, req ReplayRequest) (ReplayStarted, error) {
	name, speed := req.Name, 1.0
	if name == "" {
		name = req.Path
	}
	if name == "" {
		return ReplayStarted{}, httpapi.NewError(httpapi.ErrInvalid, `"name" (a capture from GET /api/captures) is required`)
	}
	if req.Speed != nil {
		speed = float64(*req.Speed)
	}
	if err := s.c.StartReplay(name, speed); err != nil {
		return ReplayStarted{}, kinded(err, httpapi.ErrInvalid)
	}
	name = s.c.Status().Replaying
	return ReplayStarted{Status: "started", Name: name, Path: name, Speed: speed}, nil
}

// StopReplay stops the running replay (waiting up to 10 s for it to end).
func (s *Service) StopReplay(ctx context.Context) (ReplayStopped, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	return ReplayStopped{Stopped: s.c.StopReplay(ctx)}, nil
}

// ConfirmBrowserPath checks the pending browser path (it must be the one
// the streamer saw) and lets the browser source run it.
func (s *Service) ConfirmBrowserPath(ctx context.Context, req ConfirmRequest) (BrowserPathConfirmed, error) {
	version, err := s.c.ConfirmBrowserPath(ctx, req.Path)
	if err != nil {
		return BrowserPathConfirmed{}, err
	}
	return BrowserPathConfirmed{Path: req.Path, Version: version, State: "confirmed"}, nil
}

// Captures lists the capture files, newest first.
func (s *Service) Captures(context.Context) ([]CaptureInfo, error) { return s.c.Captures() }

// SaveCapture stores a capture file (at most httpapi.MaxUploadBytes) in
// the captures folder under a safe, unused name derived from req.Name.
func (s *Service) SaveCapture(_ context.Context, req SaveCaptureRequest) (CaptureInfo, error) {
	if req.Data == nil {
		return CaptureInfo{}, httpapi.NewError(httpapi.ErrInvalid, "the capture has no data")
	}
	info, err := s.c.SaveCapture(req.Name, &capped{r: req.Data, left: httpapi.MaxUploadBytes})
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) || errors.Is(err, errCaptureTooBig) {
		return CaptureInfo{}, errCaptureTooBig
	}
	return info, kinded(err, httpapi.ErrInvalid)
}

var (
	errRecordBody    = httpapi.NewError(httpapi.ErrInvalid, `body must be {"enabled": true|false}`)
	errCaptureTooBig = httpapi.NewError(httpapi.ErrTooLarge,
		fmt.Sprintf("the capture is larger than the %d MiB upload limit", httpapi.MaxUploadBytes>>20))
)

// capped reads at most left bytes and fails past them.
type capped struct {
	r    io.Reader
	left int64
}

func (c *capped) Read(p []byte) (int, error) {
	if c.left < 0 {
		return 0, errCaptureTooBig
	}
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		return n, errCaptureTooBig
	}
	return n, err
}

// kinded gives err the vocabulary kind its method answers with when it has
// none (a source error keeps its own code and its message for the
// streamer); nil stays nil.
func kinded(err, kind error) error {
	if err == nil || httpapi.Status(err) != http.StatusInternalServerError {
		return err
	}
	return &kindErr{err, kind}
}

type kindErr struct{ err, kind error }

func (k *kindErr) Error() string {
	if e := source.AsError(k.err); e != nil {
		return e.Message
	}
	return k.err.Error()
}

func (k *kindErr) Unwrap() []error { return []error{k.err, k.kind} }
