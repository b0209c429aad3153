package euler

import (
	"time"

	"github.com/ltth/ltth/backend/tiktok/source"
)

// closeCodeError maps the relay's close codes to typed errors.
func closeCodeError(code int, reason string) *source.Error {
	var e *source.Error
	switch code {
	case 4005:
		e = source.ErrStreamEnded()
	case 4006:
		e = source.Errorf(source.CodeNetwork, "The Euler relay heard nothing from TikTok for a while and closed; the LIVE may be over.")
	case 4400:
		e = source.Errorf(source.CodeInvalidTarget, "The Euler relay rejected the username or options.")
	case 4401:
		e = source.ErrInvalidAPIKey("Euler relay")
	case 4403:
		e = source.Errorf(source.CodeInvalidAPIKey, "The Euler key is not allowed to watch this creator.")
	case 4404:
		e = source.Errorf(source.CodeNotLive, "The Euler relay reports that the creator is not LIVE right now.")
	case 4429:
		e = source.ErrRateLimited("Euler relay", 30*time.Second)
		e.Message = "Too many Euler relay connections (or connecting too fast). Trying again in 30s."
	case 4500:
		e = source.Errorf(source.CodeNetwork, "TikTok closed the Euler relay's connection.")
	case 4555:
		e = source.Errorf(source.CodeNetwork, "The Euler relay connection reached its 8-hour limit.")
	case 4556, 4557:
		e = source.Errorf(source.CodeSignServer, "The Euler relay could not fetch the LIVE from TikTok.")
	case 1011:
		e = source.Errorf(source.CodeSignServer, "The Euler relay had an internal error.")
	default:
		e = source.Errorf(source.CodeNetwork, "The Euler relay closed the connection.")
	}
	return e.WithDetail("close %d %s", code, reason)
}
