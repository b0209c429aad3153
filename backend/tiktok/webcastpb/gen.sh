#!/bin/sh
# Regenerates webcast.pb.go from webcast.proto. Needs protoc (Debian:
# apt-get install -y protobuf-compiler) and protoc-gen-go at the version in
# go.mod:  go install google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.12
# The generated file is committed, so a normal build needs neither.
set -eu
cd "$(dirname "$0")"
PATH="$PATH:$(go env GOPATH)/bin"
protoc --proto_path=. --go_out=. --go_opt=paths=source_relative webcast.proto
