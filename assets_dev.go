//go:build !production && !embeddist

package main

import (
	"io/fs"
	"os"
)

// dashboardFS reads the dashboard from frontend/dist on disk in development
// and test builds, so `go test ./...` needs no built frontend. The headless
// binary of `make headless` embeds it too (-tags embeddist).
func dashboardFS() fs.FS { return os.DirFS("frontend/dist") }
