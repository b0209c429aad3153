// Package webcastpb holds LTTH's own protobuf types for the TikTok LIVE
// ("Webcast") wire protocol: the push frame, the fetch result and its
// message envelope, the frames a client sends (enter room, heartbeat), and
// the event messages LTTH normalizes. webcast.pb.go is generated from
// webcast.proto and committed; run gen.sh after editing the schema.
package webcastpb

//go:generate sh gen.sh
