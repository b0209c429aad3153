package action

import (
	"strings"

	"github.com/ltth/ltth/backend/domain"
)

// eventField identifies one field of domain.Event, resolved once when a
// template or condition is compiled so evaluation is a switch, not a lookup.
type eventField uint8

const (
	fieldNone eventField = iota
	fieldType
	fieldID
	fieldTS
	fieldUserID
	fieldUniqueID
	fieldNickname
	fieldUsername // nickname, else @handle
	fieldAvatarURL
	fieldIsModerator
	fieldIsSubscriber
	fieldIsFollower
	fieldSource
	fieldSimulated
	fieldComment
	fieldGiftID
	fieldGiftName
	fieldDiamondCount
	fieldRepeatCount
	fieldCoins
	fieldStreakable
	fieldGiftPictureURL
	fieldLikeCount
	fieldTotalLikeCount
	fieldSubMonth
	fieldViewerCount
	fieldEmoteID
	fieldEmoteURL
	fieldQuestion
	fieldRoomID
	fieldReason
	fieldCount // number of fields; keep last
)

// eventFieldNames are the contract names, indexed by eventField.
func eventFieldName(f eventField) string {
	names := [...]string{"", "type", "id", "ts", "userId", "uniqueId", "nickname", "username",
		"avatarUrl", "isModerator", "isSubscriber", "isFollower", "source", "simulated",
		"comment", "giftId", "giftName", "diamondCount", "repeatCount", "coins", "streakable",
		"giftPictureUrl", "likeCount", "totalLikeCount", "subMonth", "viewerCount", "emoteId",
		"emoteUrl", "question", "roomId", "reason"}
	return names[f]
}

// EventFieldNames lists the event fields templates and conditions can use
// (the contract's lowerCamelCase names plus "username").
func EventFieldNames() []string {
	out := make([]string, 0, fieldCount-1)
	for f := fieldType; f < fieldCount; f++ {
		out = append(out, eventFieldName(f))
	}
	return out
}

// lookupEventField resolves a name (contract name, or one of the original
// app's snake_case aliases) to a field.
func lookupEventField(name string) eventField {
	for f := fieldType; f < fieldCount; f++ {
		if eventFieldName(f) == name {
			return f
		}
	}
	switch name {
	case "unique_id", "user":
		return fieldUniqueID
	case "user_id":
		return fieldUserID
	case "message":
		return fieldComment
	case "gift_name":
		return fieldGiftName
	case "gift_id":
		return fieldGiftID
	case "repeat_count", "giftCount":
		return fieldRepeatCount
	case "diamond_count", "diamonds":
		return fieldDiamondCount
	case "like_count":
		return fieldLikeCount
	case "total_like_count":
		return fieldTotalLikeCount
	case "sub_month":
		return fieldSubMonth
	case "viewer_count":
		return fieldViewerCount
	}
	return fieldNone
}

// eventValue reads field f of e.
func eventValue(e *domain.Event, f eventField) Value {
	switch f {
	case fieldType:
		return StringValue(string(e.Type))
	case fieldID:
		return StringValue(e.ID)
	case fieldTS:
		return IntValue(e.TS)
	case fieldSource:
		return StringValue(e.Source)
	case fieldSimulated:
		return BoolValue(e.Simulated)
	case fieldRoomID:
		return StringValue(e.RoomID)
	case fieldReason:
		return StringValue(e.Reason)
	}
	if f <= fieldIsFollower {
		return userValue(&e.User, f)
	}
	return payloadValue(e, f)
}

func userValue(u *domain.User, f eventField) Value {
	switch f {
	case fieldUserID:
		return StringValue(u.UserID)
	case fieldUniqueID:
		return StringValue(u.UniqueID)
	case fieldNickname:
		return StringValue(u.Nickname)
	case fieldUsername:
		if strings.TrimSpace(u.Nickname) != "" {
			return StringValue(u.Nickname)
		}
		return StringValue(u.UniqueID)
	case fieldAvatarURL:
		return StringValue(u.AvatarURL)
	case fieldIsModerator:
		return BoolValue(u.IsModerator)
	case fieldIsSubscriber:
		return BoolValue(u.IsSubscriber)
	case fieldIsFollower:
		return BoolValue(u.IsFollower)
	}
	return Value{}
}

func payloadValue(e *domain.Event, f eventField) Value {
	switch f {
	case fieldComment:
		return StringValue(e.Comment)
	case fieldGiftID:
		return IntValue(e.GiftID)
	case fieldGiftName:
		return StringValue(e.GiftName)
	case fieldDiamondCount:
		return IntValue(e.DiamondCount)
	case fieldRepeatCount:
		return IntValue(e.RepeatCount)
	case fieldCoins:
		return IntValue(e.Coins)
	case fieldStreakable:
		return BoolValue(e.Streakable)
	case fieldGiftPictureURL:
		return StringValue(e.GiftPictureURL)
	case fieldLikeCount:
		return IntValue(e.LikeCount)
	case fieldTotalLikeCount:
		return IntValue(e.TotalLikeCount)
	case fieldSubMonth:
		return IntValue(e.SubMonth)
	case fieldViewerCount:
		return IntValue(e.ViewerCount)
	case fieldEmoteID:
		return StringValue(e.EmoteID)
	case fieldEmoteURL:
		return StringValue(e.EmoteURL)
	case fieldQuestion:
		return StringValue(e.Question)
	}
	return Value{}
}
