package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// OpenCapture lets the streamer pick a capture file in a native Open dialog
// and uploads it to the listener's captures folder (POST /api/captures, as
// the browser's file input does), so it can be replayed. It returns the
// capture's name there, or "" when the user cancelled.
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
	return uploadCapture(a.core.URL(), a.core.Token(), path)
}

// uploadCapture sends the file at path to base's POST /api/captures with
// the API token and returns the name the listener stored it under.
func uploadCapture(base, token, path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	req, err := http.NewRequest(http.MethodPost, base+"/api/captures?name="+url.QueryEscape(filepath.Base(path)), f)
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/octet-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	var out struct {
		Name  string `json:"name"`
		Error string `json:"error"`
	}
	_ = json.Unmarshal(body, &out)
	if resp.StatusCode != http.StatusCreated || out.Name == "" {
		if out.Error != "" {
			return "", fmt.Errorf("upload of %s refused: %s", filepath.Base(path), out.Error)
		}
		return "", fmt.Errorf("upload of %s failed: %s", filepath.Base(path), resp.Status)
	}
	return out.Name, nil
}
