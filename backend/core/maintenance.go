package core

import (
	"errors"
	"strconv"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/store"
)

// Journal retention: events older than this many days are pruned when a
// profile opens. The profile setting "journal.retentionDays" overrides it;
// 0 keeps everything.
const (
	defaultRetentionDays = 180
	retentionSetting     = "journal.retentionDays"
	// The full integrity check reads the whole file (up to a second on a
	// large profile), so it runs at most once a day per profile.
	checkedSetting = "store.lastIntegrityCheck"
	checkEvery     = 24 * time.Hour
)

// maintain runs the slow checks of a freshly opened profile off the start-up
// path: a full integrity check (opening only checks the small tables; at most
// once a day) and journal retention. It runs in the scope's wait group, so closing the
// profile waits for it.
func (c *Core) maintain(s *scope) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		log := c.log.With().Str("profile", s.name).Logger()
		if checkDue(s.db, time.Now()) {
			checkIntegrity(s.db, log)
		}
		days := retentionDays(s.db)
		if days <= 0 {
			return
		}
		cutoff := time.Now().AddDate(0, 0, -days).UnixMilli()
		if n, err := s.db.PruneEvents(cutoff); err != nil {
			log.Warn().Err(err).Msg("journal retention failed")
		} else if n > 0 {
			log.Info().Int64("events", n).Int("days", days).Msg("pruned old journal events")
		}
	}()
}

// checkDue reports whether the last full integrity check is older than a day.
func checkDue(db *store.DB, now time.Time) bool {
	v, ok, err := db.GetSetting(checkedSetting)
	if err != nil || !ok {
		return true
	}
	last, err := strconv.ParseInt(v, 10, 64)
	return err != nil || now.Sub(time.UnixMilli(last)) >= checkEvery
}

func checkIntegrity(db *store.DB, log zerolog.Logger) {
	err := db.Check()
	switch {
	case errors.Is(err, store.ErrCorrupt):
		log.Error().Err(err).Msg("the profile database is damaged: export a backup now and restore an earlier one")
	case err != nil:
		log.Warn().Err(err).Msg("integrity check could not run")
	default:
		if err := db.SetSetting(checkedSetting, strconv.FormatInt(time.Now().UnixMilli(), 10)); err != nil {
			log.Warn().Err(err).Msg("recording the integrity check")
		}
	}
}

func retentionDays(db *store.DB) int {
	v, ok, err := db.GetSetting(retentionSetting)
	if err != nil || !ok {
		return defaultRetentionDays
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return defaultRetentionDays
	}
	return n
}
