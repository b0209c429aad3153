package normalize

// Views of the webcast messages: only the fields the contract needs, read
// in place by wireReader. Byte slices alias the payload. Field numbers are
// those of webcast.proto (comments name the schema field).

type commonView struct {
	msgID      uint64 // common.msg_id (2)
	roomID     int64  // common.room_id (3)
	createTime int64  // common.create_time (4)
	key        []byte // common.display_text (8) .key (1)
}

func (c *commonView) parse(b []byte) bool {
	r := newWire(b)
	for r.next() {
		switch r.num {
		case 2:
			r.u64(&c.msgID)
		case 3:
			r.i64(&c.roomID)
		case 4:
			r.i64(&c.createTime)
		case 8:
			if sb, ok := r.sub(); ok {
				if k := lastBytes(sb, 1); k != nil {
					c.key = k
				}
			}
		default:
			r.skip()
		}
	}
	return r.ok()
}

type userView struct {
	id                  uint64 // id (1)
	nickname            []byte // nickname (3)
	thumb, medium, larg []byte // first url of avatar_thumb (9) / medium (10) / large (11)
	followStatus        int64  // follow_info (22) .follow_status (3)
	isAdmin             bool   // user_attr (32) .is_admin (2)
	displayID           []byte // display_id (38)
	subscribed          bool   // subscribe_info (63) .is_subscribed_to_anchor (7)
	badgeMod, badgeSub  bool   // badge_list (64) .scene_type (3)
	idStr               []byte // id_str (1028)
}

func (u *userView) parse(b []byte) bool {
	r := newWire(b)
	for r.next() {
		switch r.num {
		case 1:
			r.u64(&u.id)
		case 3:
			r.bytes(&u.nickname)
		case 9, 10, 11:
			u.parseAvatar(&r)
		case 22:
			u.followStatus = subVarint(&r, 3)
		case 32:
			u.isAdmin = subVarint(&r, 2) != 0
		case 38:
			r.bytes(&u.displayID)
		case 63:
			u.subscribed = u.subscribed || subVarint(&r, 7) != 0
		case 64:
			u.parseBadge(&r)
		case 1028:
			r.bytes(&u.idStr)
		default:
			r.skip()
		}
	}
	return r.ok()
}

func (u *userView) parseAvatar(r *wireReader) {
	num := r.num
	sb, ok := r.sub()
	if !ok {
		return
	}
	dst := &u.larg
	switch num {
	case 9:
		dst = &u.thumb
	case 10:
		dst = &u.medium
	}
	if *dst == nil { // a repeated message field merges: the first url stays first
		*dst = firstBytes(sb, 1) // image.url_list (1)
	}
}

// parseBadge reads badge.scene_type: 1 admin (moderator), 4/7 subscriber.
func (u *userView) parseBadge(r *wireReader) {
	switch subVarint(r, 3) {
	case 1:
		u.badgeMod = true
	case 4, 7:
		u.badgeSub = true
	}
}

type identityView struct {
	sub, mutual, follower, mod bool // 2, 3, 4, 5
}

func (id *identityView) parse(b []byte) bool {
	r := newWire(b)
	for r.next() {
		switch r.num {
		case 2:
			r.boolean(&id.sub)
		case 3:
			r.boolean(&id.mutual)
		case 4:
			r.boolean(&id.follower)
		case 5:
			r.boolean(&id.mod)
		default:
			r.skip()
		}
	}
	return r.ok()
}

// firstBytes returns the first non-empty occurrence of length-delimited
// field num in message b (nil if none or malformed).
func firstBytes(b []byte, num int32) []byte {
	r := newWire(b)
	for r.next() {
		if int32(r.num) != num {
			r.skip()
			continue
		}
		var v []byte
		r.bytes(&v)
		if len(v) > 0 {
			return v
		}
	}
	return nil
}

// lastBytes returns the last occurrence of length-delimited field num (a
// singular string: the last one wins).
func lastBytes(b []byte, num int32) []byte {
	var v []byte
	r := newWire(b)
	for r.next() {
		if int32(r.num) == num {
			r.bytes(&v)
		} else {
			r.skip()
		}
	}
	return v
}

// common, user and identity parse the embedded message at the reader's
// field into dst (merging, as protobuf does for repeated occurrences).
func (r *wireReader) common(dst *commonView) {
	if sb, ok := r.sub(); ok {
		dst.parse(sb)
	}
}

func (r *wireReader) user(dst *userView) {
	if sb, ok := r.sub(); ok {
		dst.parse(sb)
	}
}

func (r *wireReader) identity(dst *identityView) {
	if sb, ok := r.sub(); ok {
		dst.parse(sb)
	}
}

// subVarint reads the embedded message at the reader's field and returns
// its varint field num (last occurrence; 0 when absent).
func subVarint(r *wireReader, num int32) int64 {
	sb, ok := r.sub()
	if !ok {
		return 0
	}
	var v int64
	s := newWire(sb)
	for s.next() {
		if int32(s.num) == num {
			s.i64(&v)
		} else {
			s.skip()
		}
	}
	return v
}
