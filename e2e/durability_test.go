//go:build e2e

package e2e

import (
	"bytes"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/store"
)

// TestKillDuringFloodLosesNoAcknowledgedEvent floods POST /api/simulate from
// 16 clients, kills the headless binary with SIGKILL in the middle and then
// counts, in the profile database, the events that got a 202 but are not
// there. /api/simulate acknowledges only committed events, so the count
// must be 0.
func TestKillDuringFloodLosesNoAcknowledgedEvent(t *testing.T) {
	in := start(t, binary(t, "LTTH_BIN"), "--headless")
	var mu sync.Mutex
	acked := map[string]bool{}
	var stop atomic.Bool
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 5 * time.Second}
	for w := 0; w < 16; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; !stop.Load(); n++ {
				id := fmt.Sprintf("%d", 9_000_000_000+w*100_000_000+n)
				body := fmt.Sprintf(`{"type":"chat","id":%q,"comment":"flood %d","uniqueId":"flooder%d"}`, id, n, w)
				req, _ := http.NewRequest(http.MethodPost, in.URL+"/api/simulate", bytes.NewReader([]byte(body)))
				req.Header.Set("Authorization", "Bearer "+in.Token)
				req.Header.Set("Content-Type", "application/json")
				resp, err := client.Do(req)
				if err != nil {
					return // the process is gone
				}
				resp.Body.Close()
				if resp.StatusCode == http.StatusAccepted {
					mu.Lock()
					acked[id] = true
					mu.Unlock()
				}
			}
		}()
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		mu.Lock()
		n := len(acked)
		mu.Unlock()
		if n >= 3000 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := in.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = in.cmd.Wait()
	stop.Store(true)
	wg.Wait()

	mgr, err := store.OpenManager(in.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	db, err := mgr.Open(mgr.Active())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.SQL().Query(`SELECT msg_id FROM events`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	stored := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		stored[id] = true
	}
	lost := 0
	for id := range acked {
		if !stored[id] {
			lost++
		}
	}
	t.Logf("acknowledged %d events, %d stored after kill -9 (unacknowledged in flight: %d), acknowledged but lost: %d",
		len(acked), len(stored), len(stored)-(len(acked)-lost), lost)
	if len(acked) < 500 {
		t.Fatalf("the flood got only %d acknowledgements before the kill", len(acked))
	}
	if lost != 0 {
		t.Fatalf("%d acknowledged events lost on kill -9", lost)
	}
}
