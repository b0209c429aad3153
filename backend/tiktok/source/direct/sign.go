package direct

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ltth/ltth/backend/tiktok/decode"
	"github.com/ltth/ltth/backend/tiktok/source"
	"github.com/ltth/ltth/backend/tiktok/webcastpb"
)

const signService = "sign server"

// fetched is the signed initial fetch: TikTok's fetch result, its raw body,
// the cookies to use and the room id actually served.
type fetched struct {
	res     *webcastpb.ProtoMessageFetchResult
	body    []byte
	cookies string
	roomID  string
}

// fetch asks the sign server to perform TikTok's initial im/fetch.
func (s *Source) fetch(ctx context.Context, roomID, cursor string) (*fetched, error) {
	q := url.Values{"client": {clientName}, "room_id": {roomID}, "user_agent": {s.cfg.UserAgent},
		"client_enter": {"true"}, "platform": {"web"}}
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	resp, body, err := s.signGet(ctx, "/webcast/fetch", q)
	if err != nil {
		return nil, err
	}
	if err := s.signStatus(resp, body); err != nil {
		return nil, err
	}
	if len(body) == 0 {
		return nil, source.Errorf(source.CodeBlocked, "TikTok sent the sign server an empty reply: TikTok is blocking "+
			"this kind of connection right now. Another connection method (browser capture) may still work.").
			WithDetail("empty fetch payload")
	}
	return s.parseFetch(resp, body, roomID)
}

func (s *Source) parseFetch(resp *http.Response, body []byte, roomID string) (*fetched, error) {
	res, err := decode.FetchResult(body)
	if err != nil {
		return nil, source.Errorf(source.CodeSignServer, "The sign server's reply could not be read.").WithCause(err)
	}
	f := &fetched{res: res, body: body, cookies: resp.Header.Get("X-Set-TT-Cookie"), roomID: roomID}
	if id := resp.Header.Get("X-Room-Id"); id != "" {
		f.roomID = id
	}
	switch {
	case f.cookies == "":
		return nil, source.Errorf(source.CodeSignServer, "The sign server did not pass on TikTok's cookies.").
			WithDetail("no X-Set-TT-Cookie header")
	case res.GetCursor() == "":
		return nil, source.Errorf(source.CodeSignServer, "TikTok's reply had no cursor.").WithDetail("empty cursor")
	case !s.pushAllowed(res.GetPushServer()):
		return nil, source.Errorf(source.CodeSignServer, "The sign server answered with a stand-in instead of TikTok's "+
			"live server, so it cannot reach TikTok right now.").WithDetail("push server %q", s.red.URL(res.GetPushServer()))
	}
	return f, nil
}

func (s *Source) pushAllowed(push string) bool {
	u, err := url.Parse(push)
	if err != nil || push == "" || (u.Scheme != "wss" && u.Scheme != "ws") {
		return false
	}
	return s.cfg.PushHostAllowed(u.Hostname())
}

// signGet calls the sign server with the API key header.
func (s *Source) signGet(ctx context.Context, path string, q url.Values) (*http.Response, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.cfg.SignBase+path+"?"+q.Encode(), nil)
	if err != nil {
		return nil, nil, source.Errorf(source.CodeSignServer, "The sign server address is not valid.").WithCause(s.red.Err(err))
	}
	if s.cfg.APIKey != "" {
		req.Header.Set("x-api-key", s.cfg.APIKey)
	}
	req.Header.Set("Accept", "application/protobuf,application/json")
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, nil, source.ErrNetwork("the sign server", s.red.Err(err))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return nil, nil, source.ErrDropped("the sign server", s.red.Err(err))
	}
	return resp, body, nil
}

// signStatus maps the sign server's HTTP status to a typed error.
func (s *Source) signStatus(resp *http.Response, body []byte) error {
	code := resp.StatusCode
	msg := s.red.String(signMessage(body))
	switch {
	case code == http.StatusOK:
		return nil
	case code == http.StatusTooManyRequests:
		return source.ErrRateLimited(signService, retryAfter(resp.Header, time.Now())).WithDetail("HTTP 429 %s", msg)
	case code == http.StatusUnauthorized || code == http.StatusForbidden:
		return source.ErrInvalidAPIKey(signService).WithDetail("HTTP %d %s", code, msg)
	case code == http.StatusPaymentRequired:
		return source.Errorf(source.CodeSignServer, "This sign server feature needs a paid plan.").WithDetail("HTTP 402 %s", msg)
	case code >= 500 && strings.Contains(strings.ToLower(msg), "empty response"):
		return source.Errorf(source.CodeBlocked, "TikTok is refusing the sign server's requests right now. "+
			"Another connection method (browser capture) may still work.").WithDetail("HTTP %d %s", code, msg)
	}
	return source.Errorf(source.CodeSignServer, "The sign server is not working right now.").WithDetail("HTTP %d %s", code, msg)
}

// signMessage extracts {"message": ...} from an error body, or a short prefix.
func signMessage(body []byte) string {
	var m struct {
		Message string `json:"message"`
	}
	if json.Unmarshal(body, &m) == nil && m.Message != "" {
		return m.Message
	}
	s := strings.TrimSpace(string(body))
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}

// retryAfter reads Retry-After (seconds or HTTP date), then
// X-RateLimit-Reset (epoch seconds); default one minute.
func retryAfter(h http.Header, now time.Time) time.Duration {
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n >= 0 {
			return time.Duration(n) * time.Second
		}
		if t, err := http.ParseTime(v); err == nil && t.After(now) {
			return t.Sub(now).Round(time.Second)
		}
	}
	if v := h.Get("X-RateLimit-Reset"); v != "" {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil && n > now.Unix() {
			return time.Duration(n-now.Unix()) * time.Second
		}
	}
	return time.Minute
}
