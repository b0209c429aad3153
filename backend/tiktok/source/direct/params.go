package direct

import (
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"
)

// webParams are the query parameters TikTok's web client sends, consistent
// with the user agent.
func webParams(ua string) url.Values {
	platform := "Win32"
	if strings.Contains(ua, "Macintosh") {
		platform = "MacIntel"
	} else if strings.Contains(ua, "Linux") && !strings.Contains(ua, "Android") {
		platform = "Linux x86_64"
	}
	return url.Values{
		"aid": {"1988"}, "app_name": {"tiktok_web"}, "app_language": {"en"}, "browser_language": {"en-US"},
		"browser_name": {"Mozilla"}, "browser_online": {"true"}, "browser_platform": {platform},
		"browser_version": {strings.TrimPrefix(ua, "Mozilla/")}, "cookie_enabled": {"true"},
		"device_platform": {"web"}, "did_rule": {"3"}, "identity": {"audience"}, "live_id": {"12"},
		"screen_height": {"1080"}, "screen_width": {"1920"}, "tz_name": {"Europe/Berlin"},
		"webcast_language": {"en"}, "region": {"DE"}, "priority_region": {"DE"},
	}
}

// pushParams are the websocket query: route params (non-empty), the fetch's
// cursor and internal_ext, and the web client's parameters.
func pushParams(ua, roomID, cursor, internalExt string, route map[string]string) url.Values {
	q := webParams(ua)
	for k, v := range route {
		if v != "" {
			q.Set(k, v)
		}
	}
	q.Set("room_id", roomID)
	q.Set("cursor", cursor)
	q.Set("internal_ext", internalExt)
	q.Set("compress", "gzip")
	q.Set("version_code", "180800")
	q.Set("update_version_code", "2.0.0")
	q.Set("sup_ws_ds_opt", "1")
	q.Set("ws_direct", "0")
	q.Set("heartbeat_duration", "0")
	q.Set("resp_content_type", "protobuf")
	q.Set("history_comment_count", "6")
	q.Set("client_enter", "1")
	q.Set("last_rtt", strconv.Itoa(100+rand.IntN(100)))
	return q
}
