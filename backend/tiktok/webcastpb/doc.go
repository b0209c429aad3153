// Package webcastpb holds LTTH's own protobuf types for the TikTok LIVE
// ("Webcast") wire protocol: the push frame, the fetch result and its
// message envelope, the frames a client sends (enter room, heartbeat), and
// the event messages LTTH normalizes. webcast.pb.go is generated from
// webcast.proto and committed; run gen.sh after editing the schema.
//
// The normalizer's hot path reads event payloads in place with the same
// field numbers (backend/tiktok/normalize/views.go); its tests check it
// against these generated types, so keep both in step.
package webcastpb

//go:generate sh gen.sh
