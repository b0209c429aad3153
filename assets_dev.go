//go:build !production

package main

import (
	"io/fs"
	"os"
)

// dashboardFS reads the dashboard from frontend/dist on disk in development
// and test builds, so `go test ./...` needs no built frontend.
func dashboardFS() fs.FS { return os.DirFS("frontend/dist") }
