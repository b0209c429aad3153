package normalize

import (
	"strconv"

	"github.com/ltth/ltth/backend/domain"
)

// formatID renders a message or user id as the contract's decimal string.
// Ids are 64-bit on the wire; they are printed unsigned so an id above
// 2^63 (uint64 in some schema generations) keeps its true value.
func formatID(id uint64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatUint(id, 10)
}

// eventTS is the message's create time (unix ms) when present, else the
// receive time. A create time that is plainly in seconds is scaled to ms.
func eventTS(createTime, recvMs int64) int64 {
	switch {
	case createTime <= 0:
		return recvMs
	case createTime < 100_000_000_000: // before 1973 in ms = seconds
		return createTime * 1000
	}
	return createTime
}

// userOf flattens a user (and the optional user identity of chat, gift and
// emote messages) into the contract's user fields. Roles: moderator from
// the identity, user_attr.is_admin or an ADMIN badge; subscriber from the
// identity, subscribe_info or a SUBSCRIBER/NEW_SUBSCRIBER badge; follower
// from the identity or follow_info.follow_status >= 1.
func userOf(u *userView, id *identityView) domain.User {
	if id == nil {
		id = &identityView{}
	}
	du := domain.User{
		UserID:    formatID(u.id),
		UniqueID:  text(u.displayID),
		Nickname:  text(u.nickname),
		AvatarURL: text(avatar(u)),
	}
	if du.UserID == "" {
		du.UserID = text(u.idStr)
	}
	du.IsModerator = id.mod || u.isAdmin || u.badgeMod
	du.IsSubscriber = id.sub || u.subscribed || u.badgeSub
	du.IsFollower = id.follower || id.mutual || u.followStatus >= 1
	return du
}

func avatar(u *userView) []byte {
	switch {
	case len(u.thumb) > 0:
		return u.thumb
	case len(u.medium) > 0:
		return u.medium
	}
	return u.larg
}
