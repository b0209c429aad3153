package vdoninja

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

var alnum = regexp.MustCompile(`^[A-Za-z0-9]{1,49}$`)

// Room is a VDO.Ninja room and the links for it.
type Room struct {
	BaseURL  string `json:"baseUrl"`
	Room     string `json:"room"`
	Password string `json:"password"`
	Guests   int    `json:"guests"`
}

// Links are the URLs streamers hand out and put into OBS.
type Links struct {
	Director string      `json:"director"` // the director page (controls guests); the overlay embeds it
	Scene    string      `json:"scene"`    // every guest, for an OBS browser source
	Guests   []GuestLink `json:"guests"`
}

// GuestLink is one guest slot's invite and its solo view for OBS.
type GuestLink struct {
	Slot   int    `json:"slot"`
	PushID string `json:"pushId"`
	Invite string `json:"invite"`
	View   string `json:"view"`
}

// normalizeBase checks a base URL (absolute http(s)) and drops a trailing
// slash and any query or fragment.
func normalizeBase(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("VDO.Ninja address %q must be an http(s) URL", raw)
	}
	u.RawQuery, u.Fragment = "", ""
	return strings.TrimRight(u.String(), "/"), nil
}

// randomID is n random hex characters.
func randomID(n int) string {
	b := make([]byte, (n+1)/2)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)[:n]
}

// PushID is guest slot's stream id: unique per guest, so every guest can
// publish at the same time (one shared &push would let only one in).
func (r *Room) PushID(slot int) string { return r.Room + "g" + strconv.Itoa(slot) }

func (r *Room) link(params ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(params); i += 2 {
		v.Set(params[i], params[i+1])
	}
	v.Set("password", r.Password)
	return r.BaseURL + "/?" + v.Encode()
}

// Links builds every link of the room.
func (r *Room) Links() Links {
	l := Links{
		Director: r.link("director", r.Room),
		Scene:    r.link("room", r.Room, "scene", "0"),
	}
	for s := 1; s <= r.Guests; s++ {
		id := r.PushID(s)
		l.Guests = append(l.Guests, GuestLink{Slot: s, PushID: id,
			Invite: r.link("room", r.Room, "push", id, "label", "Guest"+strconv.Itoa(s)),
			View:   r.link("view", id, "room", r.Room, "scene", "")})
	}
	return l
}
