package normalize

import (
	"strconv"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/webcastpb"
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

// userOf flattens a User (and the optional UserIdentity of chat, gift and
// emote messages) into the contract's user fields.
func userOf(u *webcastpb.User, id *webcastpb.UserIdentity) domain.User {
	du := domain.User{
		UserID:    formatID(uint64(u.GetId())),
		UniqueID:  u.GetDisplayId(),
		Nickname:  u.GetNickname(),
		AvatarURL: avatarURL(u),
	}
	if du.UserID == "" {
		du.UserID = u.GetIdStr()
	}
	mod, sub := badgeRoles(u.GetBadgeList())
	du.IsModerator = mod || id.GetIsModeratorOfAnchor() || u.GetUserAttr().GetIsAdmin()
	du.IsSubscriber = sub || id.GetIsSubscriberOfAnchor() ||
		u.GetSubscribeInfo().GetIsSubscribedToAnchor()
	du.IsFollower = id.GetIsFollowerOfAnchor() || id.GetIsMutualFollowingWithAnchor() ||
		u.GetFollowInfo().GetFollowStatus() >= 1
	return du
}

// badgeRoles reads moderator (scene ADMIN) and subscriber (SUBSCRIBER,
// NEW_SUBSCRIBER) from the badge list.
func badgeRoles(badges []*webcastpb.BadgeStruct) (mod, sub bool) {
	for _, b := range badges {
		switch b.GetSceneType() {
		case webcastpb.BadgeSceneType_BADGE_SCENE_ADMIN:
			mod = true
		case webcastpb.BadgeSceneType_BADGE_SCENE_SUBSCRIBER, webcastpb.BadgeSceneType_BADGE_SCENE_NEW_SUBSCRIBER:
			sub = true
		}
	}
	return mod, sub
}

func avatarURL(u *webcastpb.User) string {
	if s := firstURL(u.GetAvatarThumb()); s != "" {
		return s
	}
	if s := firstURL(u.GetAvatarMedium()); s != "" {
		return s
	}
	return firstURL(u.GetAvatarLarge())
}

func firstURL(img *webcastpb.ImageModel) string {
	for _, s := range img.GetUrlList() {
		if s != "" {
			return s
		}
	}
	return ""
}
