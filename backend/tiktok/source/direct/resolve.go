package direct

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/ltth/ltth/backend/tiktok/source"
)

// roomInfo is what resolution learned about the LIVE.
type roomInfo struct {
	roomID   string
	uniqueID string
	status   int // 2 live, 4 offline, 0 unknown
}

// errNoRoom means "this route did not say"; the next route is tried.
var errNoRoom = errors.New("no room information in the reply")

// resolve finds the room id and checks the LIVE is on: the live page's
// SIGI_STATE, then the api-live JSON, then the sign server's room_id route.
func (s *Source) resolve(ctx context.Context, t source.Target) (roomInfo, error) {
	if t.RoomID != "" {
		return roomInfo{roomID: t.RoomID, uniqueID: t.UniqueID}, nil
	}
	routes := []func(context.Context, string) (roomInfo, error){s.fromLivePage, s.fromAPILive, s.fromSigner}
	var errs []error
	for _, route := range routes {
		info, err := route(ctx, t.UniqueID)
		if err == nil && info.roomID != "" {
			if info.status == 4 {
				return info, source.ErrNotLive(t.UniqueID)
			}
			return info, nil
		}
		if e := source.AsError(err); e != nil && decisive(e.Code) {
			return info, e
		}
		errs = append(errs, err)
	}
	return roomInfo{}, s.bestResolveError(t.UniqueID, errs)
}

// decisive codes end resolution: another route would not say otherwise.
func decisive(c source.Code) bool {
	return c == source.CodeUserNotFound || c == source.CodeAgeRestricted || c == source.CodeNotLive
}

// bestResolveError picks the most useful of the routes' failures.
func (s *Source) bestResolveError(uniqueID string, errs []error) error {
	for _, want := range []source.Code{source.CodeBlocked, source.CodeInvalidAPIKey, source.CodeRateLimited, source.CodeNetwork} {
		for _, err := range errs {
			if e := source.AsError(err); e != nil && e.Code == want {
				return e
			}
		}
	}
	return source.Errorf(source.CodeSignServer, "Could not find the LIVE room of @%s: TikTok's pages did not say.", uniqueID)
}

func (s *Source) webRequest(ctx context.Context, u string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", s.cfg.UserAgent)
	req.Header.Set("Accept-Language", "en-US,en;q=0.9")
	req.Header.Set("Referer", "https://www.tiktok.com/")
	req.Header.Set("Cookie", s.tiktokCookies(""))
	return req, nil
}

// tiktokCookies is the Cookie header for TikTok requests: extra (cookies the
// sign server passed on), the data-centre cookie and the session, if any.
func (s *Source) tiktokCookies(extra string) string {
	parts := []string{}
	if extra != "" {
		parts = append(parts, extra)
	}
	parts = append(parts, "tt-target-idc="+s.cfg.TargetIDC)
	if s.cfg.SessionID != "" {
		parts = append(parts, "sessionid="+s.cfg.SessionID, "sessionid_ss="+s.cfg.SessionID, "sid_tt="+s.cfg.SessionID)
	}
	return strings.Join(parts, "; ")
}

// get performs a TikTok web GET and classifies transport and HTTP failures.
func (s *Source) get(ctx context.Context, u, what string) ([]byte, error) {
	req, err := s.webRequest(ctx, u)
	if err != nil {
		return nil, source.Errorf(source.CodeInvalidTarget, "Invalid address for %s.", what).WithCause(s.red.Err(err))
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, source.ErrNetwork("TikTok", s.red.Err(err))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
	if err != nil {
		return nil, source.ErrDropped("TikTok", s.red.Err(err))
	}
	switch {
	case resp.StatusCode == http.StatusForbidden || resp.StatusCode == http.StatusTooManyRequests:
		return nil, source.ErrBlocked(what).WithDetail("HTTP %d", resp.StatusCode)
	case resp.StatusCode >= 500:
		return nil, source.ErrNetwork("TikTok", nil).WithDetail("HTTP %d from %s", resp.StatusCode, what)
	}
	if isCaptcha(body) {
		return nil, source.ErrBlocked(what).WithDetail("verification page")
	}
	return body, nil
}

func isCaptcha(body []byte) bool {
	s := string(body)
	return strings.Contains(s, "tiktok-verify-page") || strings.Contains(s, "captcha_container") ||
		strings.Contains(s, `id="verify-bar`)
}

func (s *Source) fromLivePage(ctx context.Context, uniqueID string) (roomInfo, error) {
	body, err := s.get(ctx, s.cfg.WebBase+"/@"+url.PathEscape(uniqueID)+"/live", "the LIVE page")
	if err != nil {
		return roomInfo{}, err
	}
	m := sigiRe().FindSubmatch(body)
	if m == nil {
		return roomInfo{}, errNoRoom
	}
	var st struct {
		LiveRoom *struct {
			LiveRoomUserInfo struct {
				User     roomUser `json:"user"`
				LiveRoom struct {
					Status int `json:"status"`
				} `json:"liveRoom"`
			} `json:"liveRoomUserInfo"`
		} `json:"LiveRoom"`
	}
	if json.Unmarshal(m[1], &st) != nil || st.LiveRoom == nil {
		return roomInfo{}, errNoRoom
	}
	info := st.LiveRoom.LiveRoomUserInfo
	return info.User.info(uniqueID, info.LiveRoom.Status), nil
}

func sigiRe() *regexp.Regexp {
	return regexp.MustCompile(`(?s)<script id="SIGI_STATE"[^>]*>(.*?)</script>`)
}

// roomUser is the user object of SIGI_STATE and api-live.
type roomUser struct {
	RoomID   json.RawMessage `json:"roomId"`
	UniqueID string          `json:"uniqueId"`
	Status   int             `json:"status"`
}

func (u roomUser) info(uniqueID string, liveStatus int) roomInfo {
	id := strings.Trim(string(u.RoomID), `"`)
	if _, err := strconv.ParseUint(id, 10, 64); err != nil || id == "0" {
		id = ""
	}
	status := liveStatus
	if status == 0 {
		status = u.Status
	}
	if u.Status == 4 {
		status = 4
	}
	return roomInfo{roomID: id, uniqueID: uniqueID, status: status}
}

func (s *Source) fromAPILive(ctx context.Context, uniqueID string) (roomInfo, error) {
	q := webParams(s.cfg.UserAgent)
	q.Set("uniqueId", uniqueID)
	q.Set("sourceType", "54")
	body, err := s.get(ctx, s.cfg.WebBase+"/api-live/user/room/?"+q.Encode(), "TikTok's room lookup")
	if err != nil {
		return roomInfo{}, err
	}
	var r struct {
		StatusCode int    `json:"statusCode"`
		Message    string `json:"message"`
		Data       struct {
			User     *roomUser       `json:"user"`
			Prompts  json.RawMessage `json:"prompts"`
			LiveRoom struct {
				Status int `json:"status"`
			} `json:"liveRoom"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return roomInfo{}, errNoRoom
	}
	switch {
	case r.StatusCode == 19881007 || strings.Contains(r.Message, "user_not_found"):
		return roomInfo{}, source.ErrUserNotFound(uniqueID)
	case r.StatusCode == 10011 || r.Data.Prompts != nil && r.Data.User == nil:
		return roomInfo{}, s.ageRestricted(uniqueID)
	case r.Data.User == nil:
		return roomInfo{}, errNoRoom
	}
	return r.Data.User.info(uniqueID, r.Data.LiveRoom.Status), nil
}

func (s *Source) ageRestricted(uniqueID string) error {
	e := source.ErrAgeRestricted(uniqueID)
	if s.cfg.SessionID != "" {
		e.Message = "@" + uniqueID + "'s LIVE is age-restricted (18+) and TikTok did not accept the session id. " +
			"Copy a fresh session id from a logged-in browser into Settings → Connection."
	}
	return e
}

func (s *Source) fromSigner(ctx context.Context, uniqueID string) (roomInfo, error) {
	resp, body, err := s.signGet(ctx, "/webcast/room_id", url.Values{"uniqueId": {uniqueID}, "client": {clientName}})
	if err != nil {
		return roomInfo{}, err
	}
	if err := s.signStatus(resp, body); err != nil {
		return roomInfo{}, err
	}
	var r struct {
		OK     bool   `json:"ok"`
		IsLive bool   `json:"is_live"`
		RoomID string `json:"room_id"`
	}
	if json.Unmarshal(body, &r) != nil || !r.OK || r.RoomID == "" {
		return roomInfo{}, errNoRoom
	}
	info := roomInfo{roomID: r.RoomID, uniqueID: uniqueID, status: 2}
	if !r.IsLive {
		info.status = 4
	}
	return info, nil
}
