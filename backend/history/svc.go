package history

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"time"
)

// Service is the history capability (streams, the event journal, viewers
// and loyalty points) as both transports reach it: the REST handlers
// (http.go) and the desktop's bindings call these methods (core/service
// gathers it as Services.History).
type Service struct{ m *Module }

// Service answers the module's service.
func (m *Module) Service() *Service { return &Service{m} }

// StreamsRequest lists streams, newest first: Limit 0 is 100; Simulated
// lists the simulated and replayed ones instead of the real ones.
type StreamsRequest struct {
	Limit     int  `json:"limit"`
	Simulated bool `json:"simulated"`
}

// StreamRequest names one stream.
type StreamRequest struct {
	ID int64 `json:"id"`
}

// CompareRequest names two streams (the deltas are b - a).
type CompareRequest struct {
	A int64 `json:"a"`
	B int64 `json:"b"`
}

// ViewersRequest searches the viewers: Sort "" is "lastSeen".
type ViewersRequest struct {
	Q     string `json:"q"`
	Sort  string `json:"sort"`
	Limit int    `json:"limit"`
}

// ViewerRequest names a viewer (a user id, or @uniqueId).
type ViewerRequest struct {
	UserID string `json:"userId"`
}

// NotesRequest sets the streamer's notes on a viewer.
type NotesRequest struct {
	UserID string `json:"userId"`
	Notes  string `json:"notes"`
}

// PointsRequest adds (or, negative, takes) loyalty points.
type PointsRequest struct {
	UserID string `json:"userId"`
	Amount int64  `json:"amount"`
}

// ExportRequest exports one stream: Format "csv" or "json" ("" is json).
type ExportRequest struct {
	ID     int64  `json:"id"`
	Format string `json:"format"`
}

// Export is a stream's export, checked and ready to be written: the REST
// handler streams it as a download, the desktop into the file the streamer
// picked in the Save dialog. Name is the suggested file name.
type Export struct {
	Name        string `json:"name"`
	ContentType string `json:"contentType"`
	m           *Module
	d           Detail
	format      string
}

// Streams lists streams, newest first, with their figures.
func (s *Service) Streams(_ context.Context, req StreamsRequest) ([]Stream, error) {
	if req.Limit < 0 {
		return nil, fmt.Errorf("%w: limit must be a non-negative whole number", ErrInvalid)
	}
	return s.m.Streams(req.Limit, req.Simulated)
}

// Stream answers one stream: figures, per-minute series, top gifters,
// chatters and markers.
func (s *Service) Stream(_ context.Context, req StreamRequest) (Detail, error) {
	if err := checkStreamID(req.ID); err != nil {
		return Detail{}, err
	}
	return s.m.Stream(req.ID)
}

// Compare answers two streams side by side and their deltas (b - a).
func (s *Service) Compare(_ context.Context, req CompareRequest) (Comparison, error) {
	for _, v := range []struct {
		name string
		id   int64
	}{{"a", req.A}, {"b", req.B}} {
		if v.id <= 0 {
			return Comparison{}, fmt.Errorf("%w: %s must be a stream id (a positive number)", ErrInvalid, v.name)
		}
	}
	return s.m.Compare(req.A, req.B)
}

// Events searches the event journal (follow NextCursor for more).
func (s *Service) Events(_ context.Context, q EventQuery) (EventPage, error) {
	for _, v := range []struct {
		name string
		n    int64
	}{{"from", q.From}, {"to", q.To}, {"cursor", q.Cursor}, {"limit", int64(q.Limit)},
		{"minCoins", q.MinCoins}, {"maxCoins", q.MaxCoins}} {
		if v.n < 0 {
			return EventPage{}, fmt.Errorf("%w: %s must be a non-negative whole number", ErrInvalid, v.name)
		}
	}
	return s.m.Events(q)
}

// Viewers lists the viewers seen.
func (s *Service) Viewers(_ context.Context, req ViewersRequest) ([]Viewer, error) {
	if req.Limit < 0 {
		return nil, fmt.Errorf("%w: limit must be a non-negative whole number", ErrInvalid)
	}
	return s.m.Viewers(req.Q, req.Sort, req.Limit)
}

// Viewer answers one viewer: totals, points, nicknames, recent streams,
// notes.
func (s *Service) Viewer(_ context.Context, req ViewerRequest) (ViewerDetail, error) {
	return s.m.Viewer(req.UserID)
}

// SetNotes sets the streamer's notes on a viewer and answers the viewer.
func (s *Service) SetNotes(_ context.Context, req NotesRequest) (ViewerDetail, error) {
	s.m.sync()
	if err := s.m.SetNotes(req.UserID, req.Notes); err != nil {
		return ViewerDetail{}, err
	}
	return s.m.Viewer(req.UserID)
}

// AddPoints adds (or takes) loyalty points and answers the viewer.
func (s *Service) AddPoints(_ context.Context, req PointsRequest) (ViewerDetail, error) {
	v, err := s.m.Viewer(req.UserID)
	if err != nil {
		return ViewerDetail{}, err
	}
	if err := s.m.AddPoints(domainUser(v), req.Amount); err != nil {
		return ViewerDetail{}, err
	}
	return s.m.Viewer(v.UserID)
}

// Rules answers the loyalty point rules.
func (s *Service) Rules(context.Context) (Rules, error) {
	s.m.mu.Lock()
	defer s.m.mu.Unlock()
	return s.m.rules, nil
}

// SetRules stores and applies new rules (for events from now on).
func (s *Service) SetRules(_ context.Context, r Rules) (Rules, error) {
	if err := s.m.SetRules(r); err != nil {
		return Rules{}, err
	}
	return r, nil
}

// Export checks the format and the stream and answers its export, to be
// written with Save.
func (s *Service) Export(_ context.Context, req ExportRequest) (Export, error) {
	if err := checkStreamID(req.ID); err != nil {
		return Export{}, err
	}
	format := req.Format
	if format == "" {
		format = "json"
	}
	if format != "json" && format != "csv" {
		return Export{}, fmt.Errorf("%w: format must be csv or json", ErrInvalid)
	}
	d, err := s.m.Stream(req.ID)
	if err != nil {
		return Export{}, err
	}
	e := Export{Name: fmt.Sprintf("stream-%d-%s.%s", d.ID, time.UnixMilli(d.StartedAt).UTC().Format("20060102-1504"), format),
		ContentType: "application/json", m: s.m, d: d, format: format}
	if format == "csv" {
		e.ContentType = "text/csv; charset=utf-8"
	}
	return e, nil
}

// Save writes the export: figures, series and the stream's events.
func (e Export) Save(w io.Writer) error {
	if e.m == nil {
		return fmt.Errorf("%w: no export", ErrInvalid)
	}
	if e.format == "csv" {
		return e.m.writeCSV(csv.NewWriter(w), e.d)
	}
	return e.m.writeExportJSON(w, e.d)
}

func checkStreamID(id int64) error {
	if id <= 0 {
		return fmt.Errorf("%w: stream id must be a positive number", ErrInvalid)
	}
	return nil
}
