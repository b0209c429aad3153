//go:build production || embeddist

package main

import (
	"embed"
	"io/fs"
)

//go:embed all:frontend/dist
var embedded embed.FS

// dashboardFS is the built dashboard, embedded in production builds.
func dashboardFS() fs.FS {
	sub, err := fs.Sub(embedded, "frontend/dist")
	if err != nil {
		panic(err) // cannot happen: the directory is embedded
	}
	return sub
}
