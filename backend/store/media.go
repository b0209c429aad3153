package store

import (
	"fmt"
	"strconv"
	"time"
)

// GiftSound is the sound (and optional animation) played for one gift,
// matched by TikTok gift id, never by name.
type GiftSound struct {
	GiftID          int64     `json:"giftId"`
	Label           string    `json:"label"`
	SoundURL        string    `json:"soundUrl"`
	Volume          float64   `json:"volume"` // 0..1
	AnimationURL    string    `json:"animationUrl"`
	AnimationType   string    `json:"animationType"` // e.g. "image", "video", "gif"
	AnimationVolume float64   `json:"animationVolume"`
	UpdatedAt       time.Time `json:"updatedAt"`
}

// UserVoice is the text-to-speech voice assigned to one viewer.
type UserVoice struct {
	UserID    string    `json:"userId"`
	UniqueID  string    `json:"uniqueId"`
	Nickname  string    `json:"nickname"`
	Engine    string    `json:"engine"` // TTS engine the voice belongs to; empty = default
	Voice     string    `json:"voice"`
	Enabled   bool      `json:"enabled"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// ListGiftSounds returns every gift sound, ordered by gift id.
func (db *DB) ListGiftSounds() ([]GiftSound, error) {
	rows, err := db.sql.Query(`SELECT gift_id, label, sound_url, volume, animation_url, animation_type,
		animation_volume, updated_at FROM gift_sounds ORDER BY gift_id`)
	if err != nil {
		return nil, classify(db.path, err)
	}
	defer rows.Close()
	out := []GiftSound{}
	for rows.Next() {
		var g GiftSound
		var ts int64
		if err := rows.Scan(&g.GiftID, &g.Label, &g.SoundURL, &g.Volume, &g.AnimationURL,
			&g.AnimationType, &g.AnimationVolume, &ts); err != nil {
			return nil, err
		}
		g.UpdatedAt = fromMS(ts)
		out = append(out, g)
	}
	return out, rows.Err()
}

// PutGiftSound creates or replaces the sound of g.GiftID.
func (db *DB) PutGiftSound(g GiftSound) error {
	if g.GiftID <= 0 {
		return fmt.Errorf("%w: gift id must be positive", ErrInvalid)
	}
	_, err := db.exec(`INSERT OR REPLACE INTO gift_sounds (gift_id, label, sound_url, volume, animation_url,
		animation_type, animation_volume, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		g.GiftID, g.Label, g.SoundURL, g.Volume, g.AnimationURL, g.AnimationType, g.AnimationVolume, nowMS())
	return err
}

// DeleteGiftSound removes a gift's sound (ErrNotFound if absent).
func (db *DB) DeleteGiftSound(giftID int64) error {
	return db.execOne("gift sound", strconv.FormatInt(giftID, 10),
		`DELETE FROM gift_sounds WHERE gift_id = ?`, giftID)
}

// ListUserVoices returns every per-user voice, ordered by handle.
func (db *DB) ListUserVoices() ([]UserVoice, error) {
	rows, err := db.sql.Query(`SELECT user_id, unique_id, nickname, engine, voice, enabled, updated_at
		FROM user_voices ORDER BY unique_id, user_id`)
	if err != nil {
		return nil, classify(db.path, err)
	}
	defer rows.Close()
	out := []UserVoice{}
	for rows.Next() {
		var v UserVoice
		var ts int64
		if err := rows.Scan(&v.UserID, &v.UniqueID, &v.Nickname, &v.Engine, &v.Voice, &v.Enabled, &ts); err != nil {
			return nil, err
		}
		v.UpdatedAt = fromMS(ts)
		out = append(out, v)
	}
	return out, rows.Err()
}

// PutUserVoice creates or replaces the voice of v.UserID.
func (db *DB) PutUserVoice(v UserVoice) error {
	if err := requireID("user", v.UserID); err != nil {
		return err
	}
	_, err := db.exec(`INSERT OR REPLACE INTO user_voices (user_id, unique_id, nickname, engine, voice,
		enabled, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		v.UserID, v.UniqueID, v.Nickname, v.Engine, v.Voice, v.Enabled, nowMS())
	return err
}

// DeleteUserVoice removes a user's voice (ErrNotFound if absent).
func (db *DB) DeleteUserVoice(userID string) error {
	return db.execOne("user voice", userID, `DELETE FROM user_voices WHERE user_id = ?`, userID)
}
