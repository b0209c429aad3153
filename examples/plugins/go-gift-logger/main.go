// Command go-gift-logger is an example LTTH external plugin in Go
// (docs/plugin-sdk.md). LTTH starts it with LTTH_WS_URL, LTTH_PLUGIN_TOKEN
// and LTTH_PLUGIN_DATA in its environment. It subscribes to gifts and
// writes each one to <data>/gifts.log, and registers the flow action
// "go-gift-logger.log" that writes its text there and publishes the event
// "logged" back.
//
// Build it next to its plugin.json: go build -o go-gift-logger .
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/gorilla/websocket"
)

// frame is the subset of the protocol's message this plugin uses.
type frame struct {
	Type     string          `json:"type"`
	ID       string          `json:"id,omitempty"`
	Events   []string        `json:"events,omitempty"`
	Event    string          `json:"event,omitempty"`
	Data     json.RawMessage `json:"data,omitempty"`
	Action   string          `json:"action,omitempty"`
	Config   json.RawMessage `json:"config,omitempty"`
	Actions  []any           `json:"actions,omitempty"`
	Settings json.RawMessage `json:"settings,omitempty"`
	OK       bool            `json:"ok,omitempty"`
	Code     string          `json:"code,omitempty"`
	Error    string          `json:"error,omitempty"`
}

// gift is the part of a gift event (flat JSON, docs/architecture.md) the
// log line shows.
type gift struct {
	UniqueID    string `json:"uniqueId"`
	GiftName    string `json:"giftName"`
	RepeatCount int    `json:"repeatCount"`
}

func main() {
	log.SetFlags(0)
	hdr := http.Header{"Authorization": {"Bearer " + os.Getenv("LTTH_PLUGIN_TOKEN")}}
	c, _, err := websocket.DefaultDialer.Dial(os.Getenv("LTTH_WS_URL"), hdr)
	if err != nil {
		log.Fatalf("connect: %v", err)
	}
	defer c.Close()
	go func() { // LTTH sends SIGTERM to stop a plugin
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, syscall.SIGTERM, os.Interrupt)
		<-sig
		log.Print("stopping")
		_ = c.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""))
		os.Exit(0)
	}()
	p := &plugin{c: c, prefix: "gift", logPath: filepath.Join(os.Getenv("LTTH_PLUGIN_DATA"), "gifts.log")}
	p.send(frame{Type: "hello", ID: "1"})
	p.send(frame{Type: "getSettings", ID: "2"})
	p.send(frame{Type: "subscribe", ID: "3", Events: []string{"gift"}})
	p.send(frame{Type: "register", ID: "4", Actions: []any{map[string]any{
		"name": "log", "label": "Write to the gift log", "description": "Appends a line to gifts.log",
		"fields": []any{map[string]any{"name": "text", "label": "Text", "kind": "template", "required": true}},
	}}})
	for {
		var f frame
		if err := c.ReadJSON(&f); err != nil {
			log.Fatalf("connection closed: %v", err)
		}
		p.handle(f)
	}
}

type plugin struct {
	c       *websocket.Conn
	prefix  string
	logPath string
}

func (p *plugin) send(f frame) {
	if err := p.c.WriteJSON(f); err != nil {
		log.Fatalf("send: %v", err)
	}
}

func (p *plugin) handle(f frame) {
	switch f.Type {
	case "ready":
		log.Print("ready")
	case "settings":
		var s struct {
			Prefix string `json:"prefix"`
		}
		if json.Unmarshal(f.Settings, &s) == nil && s.Prefix != "" {
			p.prefix = s.Prefix
		}
	case "event":
		var g gift
		if err := json.Unmarshal(f.Data, &g); err == nil {
			p.write(fmt.Sprintf("%s %s %s x%d", p.prefix, g.UniqueID, g.GiftName, g.RepeatCount))
		}
	case "invoke":
		var cfg struct {
			Text string `json:"text"`
		}
		_ = json.Unmarshal(f.Config, &cfg)
		err := p.write("action " + cfg.Text)
		res := frame{Type: "result", ID: f.ID, OK: err == nil}
		if err != nil {
			res.Error = err.Error()
		}
		p.send(res)
		data, _ := json.Marshal(map[string]string{"text": cfg.Text})
		p.send(frame{Type: "publish", Event: "logged", Data: data})
	case "error":
		log.Printf("LTTH refused %s: %s (%s)", f.ID, f.Error, f.Code)
	}
}

func (p *plugin) write(line string) error {
	f, err := os.OpenFile(p.logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = fmt.Fprintln(f, line)
	log.Print(line)
	return err
}
