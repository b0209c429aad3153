package main

import (
	"context"
	"os"
	"path/filepath"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/tiktok/connector"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// OpenCapture lets the streamer pick a capture file in a native Open dialog
// and stores it in the captures folder through the connection service
// (connector.Service.SaveCapture, what POST /api/captures does for the
// browser's file input), so it can be replayed. It returns the capture's
// name there, or "" when the user cancelled.
func (a *App) OpenCapture() (string, error) {
	path, err := runtime.OpenFileDialog(a.ctx, runtime.OpenDialogOptions{
		Title: "Open a capture to replay",
		Filters: []runtime.FileFilter{
			{DisplayName: "Captures (*.jsonl, *.capture, *.json, *.txt)", Pattern: "*.jsonl;*.capture;*.json;*.txt"},
			{DisplayName: "All files", Pattern: "*"},
		},
	})
	if err != nil || path == "" {
		return "", err
	}
	return importCapture(a, path)
}

// importCapture stores the file at path as a capture and returns the name
// it was stored under; a refused file gives the service's error (as the
// bindings' JSON text, with its code).
func importCapture(a *App, path string) (string, error) {
	info, err := call(a, func(v *service.Services, ctx context.Context) (connector.CaptureInfo, error) {
		f, err := os.Open(path)
		if err != nil {
			return connector.CaptureInfo{}, err
		}
		defer f.Close()
		return v.Connection.SaveCapture(ctx, connector.SaveCaptureRequest{Name: filepath.Base(path), Data: f})
	})
	return info.Name, err
}
