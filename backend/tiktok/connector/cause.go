package connector

import (
	"fmt"

	"github.com/ltth/ltth/backend/tiktok/source"
)

// codePriority orders failure codes from most to least telling: when every
// source failed, the round is explained by the most telling failure, not by
// whichever source happened to be tried last (a TikFinity that is not
// running says nothing about why TikTok cannot be reached).
var codePriority = []source.Code{
	source.CodeInvalidTarget, source.CodeUserNotFound, source.CodeStreamEnded, source.CodeNotLive,
	source.CodeAgeRestricted, source.CodeInvalidAPIKey, source.CodeRateLimited, source.CodeBlocked,
	source.CodeHandshakeRefused, source.CodeSignServer, source.CodeProtocol, source.CodeNetwork,
	source.CodeUnavailable,
}

func codeRank(c source.Code) int {
	for i, p := range codePriority {
		if p == c {
			return i
		}
	}
	return len(codePriority)
}

// roundCause explains a round in which no source could connect: the most
// telling failure, the source it came from ("" when several sources failed
// that way) and the reason for the timeline.
func (s *session) roundCause() (name string, cause *source.Error, reason string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	same := 0
	for _, src := range s.sources {
		e := s.lastErr[src.Name()]
		switch {
		case e == nil:
		case cause == nil || codeRank(e.Code) < codeRank(cause.Code):
			name, cause, same = src.Name(), e, 1
		case e.Code == cause.Code:
			same++
		}
	}
	if cause == nil {
		return "", nil, "no source could connect; trying again"
	}
	if same > 1 {
		return "", cause, fmt.Sprintf("no source could connect (%d of %d sources: %s); trying again", same, len(s.sources), cause.Message)
	}
	return name, cause, fmt.Sprintf("no source could connect (%s: %s); trying again", name, cause.Message)
}
