package normalize

// Per-method views (field numbers as in webcast.proto). Each parse returns
// false when the payload is not a well-formed protobuf message.

type chatView struct {
	c       commonView
	u       userView
	id      identityView
	content []byte
}

func (v *chatView) parse(b []byte) bool {
	r := newWire(b)
	for r.next() {
		switch r.num {
		case 1:
			r.common(&v.c)
		case 2:
			r.user(&v.u)
		case 3:
			r.bytes(&v.content)
		case 18:
			r.identity(&v.id)
		default:
			r.skip()
		}
	}
	return r.ok()
}

type giftView struct {
	c                           commonView
	u                           userView
	id                          identityView
	giftID, groupID             int64
	repeatCount, repeatEnd      int64
	defID, defType, defDiamonds int64  // gift (15): id (5), type (11), diamond_count (12)
	defName, defImage, defIcon  []byte // gift: name (16), image (1) / icon (21) first url
}

func (v *giftView) parse(b []byte) bool {
	r := newWire(b)
	for r.next() {
		switch r.num {
		case 1:
			r.common(&v.c)
		case 2:
			r.i64(&v.giftID)
		case 5:
			r.i32(&v.repeatCount)
		case 7:
			r.user(&v.u)
		case 9:
			r.i32(&v.repeatEnd)
		case 11:
			r.i64(&v.groupID)
		case 15:
			if sb, ok := r.sub(); ok {
				v.parseGift(sb)
			}
		case 32:
			r.identity(&v.id)
		default:
			r.skip()
		}
	}
	return r.ok()
}

func (v *giftView) parseGift(b []byte) {
	r := newWire(b)
	for r.next() {
		switch r.num {
		case 1, 21:
			num := r.num
			if sb, ok := r.sub(); ok {
				dst := &v.defImage
				if num == 21 {
					dst = &v.defIcon
				}
				if *dst == nil {
					*dst = firstBytes(sb, 1)
				}
			}
		case 5:
			r.i64(&v.defID)
		case 11:
			r.i32(&v.defType)
		case 12:
			r.i32(&v.defDiamonds)
		case 16:
			r.bytes(&v.defName)
		default:
			r.skip()
		}
	}
}

type likeView struct {
	c            commonView
	u            userView
	count, total int64
}

func (v *likeView) parse(b []byte) bool {
	r := newWire(b)
	for r.next() {
		switch r.num {
		case 1:
			r.common(&v.c)
		case 2:
			r.i32(&v.count)
		case 3:
			r.i64(&v.total)
		case 5:
			r.user(&v.u)
		default:
			r.skip()
		}
	}
	return r.ok()
}

// socialView serves the member, social and sub-notify messages, which share
// the layout common (1), user (2); a is member.action (10), social.action
// (4) or subNotify.sub_month (4); b is member.user_id (12) or
// subNotify.message_type (7).
type socialView struct {
	c    commonView
	u    userView
	a, b int64
}

func (v *socialView) parse(data []byte, aNum int32, aInt32 bool, bNum int32, bInt32 bool) bool {
	r := newWire(data)
	for r.next() {
		switch n := int32(r.num); {
		case n == 1:
			r.common(&v.c)
		case n == 2:
			r.user(&v.u)
		case n == aNum && aInt32:
			r.i32(&v.a)
		case n == aNum:
			r.i64(&v.a)
		case n == bNum && bInt32:
			r.i32(&v.b)
		case n == bNum:
			r.i64(&v.b)
		default:
			r.skip()
		}
	}
	return r.ok()
}

type emoteView struct {
	c        commonView
	u        userView
	id       identityView
	emoteID  []byte // emote_list (3)[0] .emote_id (1)
	emoteURL []byte // emote_list[0] .image (2) first url
	emotes   int
}

func (v *emoteView) parse(b []byte) bool {
	r := newWire(b)
	for r.next() {
		switch r.num {
		case 1:
			r.common(&v.c)
		case 2:
			r.user(&v.u)
		case 3:
			if sb, ok := r.sub(); ok {
				if v.emotes == 0 {
					v.emoteID = lastBytes(sb, 1)
					v.emoteURL = firstBytes(lastBytes(sb, 2), 1)
				}
				v.emotes++
			}
		case 5:
			r.identity(&v.id)
		default:
			r.skip()
		}
	}
	return r.ok()
}

// scalarView serves room user seq (total (3)) and control (action (2)).
type scalarView struct {
	c commonView
	v int64
}

func (v *scalarView) parse(b []byte, num int32, isInt32 bool) bool {
	r := newWire(b)
	for r.next() {
		switch n := int32(r.num); {
		case n == 1:
			r.common(&v.c)
		case n == num && isInt32:
			r.i32(&v.v)
		case n == num:
			r.i64(&v.v)
		default:
			r.skip()
		}
	}
	return r.ok()
}

type questionView struct {
	c       commonView
	u       userView
	content []byte // details (2) .content (2); details.user (5)
}

func (v *questionView) parse(b []byte) bool {
	r := newWire(b)
	for r.next() {
		switch r.num {
		case 1:
			r.common(&v.c)
		case 2:
			if sb, ok := r.sub(); ok {
				v.parseDetails(sb)
			}
		default:
			r.skip()
		}
	}
	return r.ok()
}

func (v *questionView) parseDetails(b []byte) {
	r := newWire(b)
	for r.next() {
		switch r.num {
		case 2:
			r.bytes(&v.content)
		case 5:
			r.user(&v.u)
		default:
			r.skip()
		}
	}
}
