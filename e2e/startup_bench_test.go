//go:build e2e

package e2e

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// rssKB reads a process's resident set size from /proc.
func rssKB(b testing.TB, pid int) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			n, _ := strconv.Atoi(strings.Fields(line)[1])
			return n
		}
	}
	b.Fatal("no VmRSS")
	return 0
}

// cpuTicks is user+system CPU time of a process in clock ticks.
func cpuTicks(b testing.TB, pid int) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		b.Fatal(err)
	}
	f := strings.Fields(string(data)[strings.LastIndexByte(string(data), ')')+2:])
	u, _ := strconv.Atoi(f[11])
	s, _ := strconv.Atoi(f[12])
	return u + s
}

// BenchmarkHeadlessStart measures `ltth --headless` from exec to the first
// OK /api/health (fresh data dir each time: migrations included), then the
// idle RSS and CPU of the last instance. Budget: ≤ 300 ms, ≤ 60 MB idle.
func BenchmarkHeadlessStart(b *testing.B) {
	bin := os.Getenv("LTTH_BIN")
	if bin == "" {
		b.Skip("LTTH_BIN not set")
	}
	var total time.Duration
	var last *exec.Cmd
	for i := 0; i < b.N; i++ {
		if last != nil {
			last.Process.Kill()
			last.Wait()
		}
		addr := freeAddr(b)
		cmd := exec.Command(bin, "--headless", "--data-dir", b.TempDir(), "--listen", addr)
		began := time.Now()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		for {
			resp, err := http.Get("http://" + addr + "/api/health")
			if err == nil {
				resp.Body.Close()
				if resp.StatusCode == 200 {
					break
				}
			}
			if time.Since(began) > 10*time.Second {
				b.Fatal("no health within 10 s")
			}
			time.Sleep(2 * time.Millisecond)
		}
		total += time.Since(began)
		last = cmd
	}
	b.StopTimer()
	defer func() { last.Process.Kill(); last.Wait() }()
	time.Sleep(3 * time.Second)
	t0 := cpuTicks(b, last.Process.Pid)
	time.Sleep(5 * time.Second)
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/start")
	b.ReportMetric(float64(rssKB(b, last.Process.Pid))/1024, "idle-RSS-MB")
	b.ReportMetric(float64(cpuTicks(b, last.Process.Pid)-t0), "idle-cpu-ticks/5s")
}

// BenchmarkSoak pushes 100,000 simulated events (chat, gifts, likes) through
// the whole pipeline (bus, journal, alerts, goals, leaderboards, flows, /ws)
// and reports RSS before and after, to show memory does not grow with load.
func BenchmarkSoak(b *testing.B) {
	bin := os.Getenv("LTTH_BIN")
	if bin == "" {
		b.Skip("LTTH_BIN not set")
	}
	in := startAt(b, bin, freeAddr(b), "--headless")
	pid := in.cmd.Process.Pid
	bodies := [][]byte{
		[]byte(`{"type":"chat","uniqueId":"u%d","userId":"%d","nickname":"Viewer %d","comment":"hello there"}`),
		[]byte(`{"type":"gift","uniqueId":"u%d","userId":"%d","nickname":"Viewer %d","giftId":5655,"giftName":"Rose","diamondCount":1,"repeatCount":1}`),
		[]byte(`{"type":"like","uniqueId":"u%d","userId":"%d","nickname":"Viewer %d","likeCount":5}`),
	}
	send := func(n int) {
		client := &http.Client{}
		for i := 0; i < n; i++ {
			body := fmt.Sprintf(string(bodies[i%3]), i%500, i%500, i%500)
			req, _ := http.NewRequest("POST", in.URL+"/api/simulate", bytes.NewBufferString(body))
			req.Header.Set("Authorization", "Bearer "+in.Token)
			resp, err := client.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			resp.Body.Close()
		}
	}
	send(10000) // warm up caches and pools
	time.Sleep(2 * time.Second)
	before := rssKB(b, pid)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		send(100000)
	}
	b.StopTimer()
	time.Sleep(3 * time.Second)
	after := rssKB(b, pid)
	b.ReportMetric(float64(before)/1024, "RSS-before-MB")
	b.ReportMetric(float64(after)/1024, "RSS-after-MB")
}
