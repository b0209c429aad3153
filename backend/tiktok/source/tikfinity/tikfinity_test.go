package tikfinity

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/faketiktok"
	"github.com/ltth/ltth/backend/tiktok/source"
	"github.com/ltth/ltth/backend/tiktok/source/sourcetest"
)

func user(extra map[string]any) map[string]any {
	d := map[string]any{"userId": "7000000000000000001", "secUid": "MS4w", "uniqueId": "demo_viewer",
		"nickname": "Demo Viewer", "profilePictureUrl": "https://example.invalid/a.webp", "followRole": 1,
		"userBadges": []any{}, "isModerator": true, "isSubscriber": false, "createTime": "1750000000000",
		"tikfinityUserId": 123456, "tikfinityUsername": "demo_streamer"}
	for k, v := range extra {
		d[k] = v
	}
	return d
}

func gift(msgID string, typ, count int, end bool) map[string]any {
	return user(map[string]any{"msgId": msgID, "giftId": 5655, "repeatCount": count, "groupId": "1750000000123",
		"repeatEnd": end, "giftType": typ, "diamondCount": 1, "giftName": "Rose", "giftPictureUrl": "https://example.invalid/rose.png",
		"gift": map[string]any{"gift_id": 5655, "repeat_count": count, "repeat_end": 0, "gift_type": typ}})
}

func TestBridgeMapsTikFinityEvents(t *testing.T) {
	tf := faketiktok.NewTikFinity()
	defer tf.Close()
	sink := sourcetest.New()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errc := make(chan error, 1)
	go func() { errc <- New(Config{URL: tf.URL()}).Run(ctx, source.Target{UniqueID: "demo_streamer"}, sink) }()
	if !tf.WaitClient(5 * time.Second) {
		t.Fatal("bridge did not connect")
	}
	tf.Send("chat", user(map[string]any{"comment": "hi!", "emotes": []any{}, "msgId": "7500000000000000001"}))
	tf.Send("chat", user(map[string]any{"comment": "hi!", "msgId": "7500000000000000001"})) // duplicate
	tf.Send("gift", gift("7500000000000000002", 1, 1, false))
	tf.Send("gift", gift("7500000000000000003", 1, 2, false))
	tf.Send("gift", gift("7500000000000000004", 1, 3, true))
	tf.Send("gift", gift("7500000000000000005", 2, 1, false)) // non-streak gift: counted at once
	tf.Send("like", user(map[string]any{"likeCount": 15, "totalLikeCount": 4821, "msgId": "7500000000000000006"}))
	tf.Send("member", user(map[string]any{"actionId": 1, "msgId": "7500000000000000007", "displayType": "live_room_enter_toast"}))
	tf.Send("roomUser", map[string]any{"topViewers": []any{}, "viewerCount": 42})
	tf.Send("follow", user(map[string]any{"msgId": "7500000000000000008", "displayType": "pm_main_follow_message_viewer_2"}))
	tf.Send("share", user(map[string]any{"msgId": "7500000000000000009", "displayType": "pm_mt_guidance_share"}))
	tf.Send("subscribe", user(map[string]any{"subMonth": 3, "msgId": "7500000000000000010"}))
	tf.Send("config", map[string]any{"events": []any{}})
	tf.SendRaw("not json")

	want := map[domain.EventType]int{domain.EventChat: 1, domain.EventGiftStreak: 2, domain.EventGift: 2, domain.EventLike: 1,
		domain.EventJoin: 1, domain.EventViewers: 1, domain.EventFollow: 1, domain.EventShare: 1, domain.EventSubscribe: 1}
	ok := sink.Wait(5*time.Second, func(evs []domain.Event) bool {
		for typ, n := range want {
			if sourcetest.Count(evs, typ, nil) != n {
				return false
			}
		}
		return true
	})
	if !ok {
		t.Fatalf("events: %+v", sink.EventList())
	}
	checkFields(t, sink.EventList())
	tf.DropClients()
	if e := source.AsError(<-errc); e == nil || e.Code != source.CodeNetwork || e.Source != source.NameTikFinity {
		t.Fatalf("drop: %v", e)
	}
}

func checkFields(t *testing.T, evs []domain.Event) {
	t.Helper()
	for _, e := range evs {
		switch e.Type {
		case domain.EventChat:
			if e.Comment != "hi!" || e.UserID != "7000000000000000001" || e.UniqueID != "demo_viewer" || e.Nickname != "Demo Viewer" ||
				e.AvatarURL != "https://example.invalid/a.webp" || !e.IsModerator || !e.IsFollower || e.ID != "7500000000000000001" ||
				e.TS != 1750000000000 {
				t.Errorf("chat: %+v", e)
			}
		case domain.EventGift:
			if e.GiftID != 5655 || e.GiftName != "Rose" || e.Coins != int64(e.RepeatCount) || (e.Streakable && e.RepeatCount != 3) {
				t.Errorf("gift: %+v", e)
			}
		case domain.EventLike:
			if e.LikeCount != 15 || e.TotalLikeCount != 4821 {
				t.Errorf("like: %+v", e)
			}
		case domain.EventViewers:
			if e.ViewerCount != 42 {
				t.Errorf("viewers: %+v", e)
			}
		case domain.EventSubscribe:
			if e.SubMonth != 3 {
				t.Errorf("subscribe: %+v", e)
			}
		}
	}
}

func TestNotRunningIsUnavailable(t *testing.T) {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := l.Addr().String()
	l.Close()
	err := New(Config{URL: "ws://" + addr + "/"}).Run(context.Background(), source.Target{}, sourcetest.New())
	if e := source.AsError(err); e == nil || e.Code != source.CodeUnavailable || e.Final() {
		t.Fatalf("got %v", err)
	}
}
