// Benchmark publisher: publishes to one channel through the Centrifugo HTTP API at a fixed rate
// (or as fast as it can) for a fixed duration. Every millisecond tick sends the publications due
// so far as one `batch` request, from a pool of concurrent workers, so high rates do not mean
// more HTTP requests. Each payload carries the step, a sequence number and the publish time:
//
//	{"s":<step>,"n":<seq>,"t":<unix ns, taken just before the request>,"p":"<padding>"}
//
// Prints one JSON line with what it achieved.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type job struct {
	first int64
	count int
}

func main() {
	api := flag.String("api", "", "http://host:port/api")
	channel := flag.String("channel", "", "channel")
	stepIndex := flag.Int("step", 0, "step index written into each payload")
	rate := flag.Float64("rate", 1000, "publications per second; 0 = as fast as possible")
	duration := flag.Duration("duration", 5*time.Second, "how long to publish")
	workers := flag.Int("workers", 8, "concurrent HTTP requests")
	maxBatch := flag.Int("max-batch", 200, "largest batch per request")
	pad := flag.Int("pad", 160, "padding bytes per payload (realistic message size)")
	flag.Parse()
	key := os.Getenv("BENCH_API_KEY")

	padding := strings.Repeat("x", *pad)
	transport := &http.Transport{MaxIdleConns: *workers, MaxIdleConnsPerHost: *workers}
	client := &http.Client{Transport: transport, Timeout: 10 * time.Second}

	var published, failed atomic.Int64
	jobs := make(chan job, *workers*4)
	var wg sync.WaitGroup
	for w := 0; w < *workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var body bytes.Buffer
			for j := range jobs {
				body.Reset()
				body.WriteString(`{"commands":[`)
				now := strconv.FormatInt(time.Now().UnixNano(), 10)
				for k := 0; k < j.count; k++ {
					if k > 0 {
						body.WriteByte(',')
					}
					fmt.Fprintf(&body, `{"publish":{"channel":%q,"data":{"s":%d,"n":%d,"t":%s,"p":"%s"}}}`,
						*channel, *stepIndex, j.first+int64(k), now, padding)
				}
				body.WriteString(`]}`)
				req, _ := http.NewRequest(http.MethodPost, *api+"/batch", bytes.NewReader(body.Bytes()))
				req.Header.Set("X-API-Key", key)
				req.Header.Set("Content-Type", "application/json")
				resp, err := client.Do(req)
				if err != nil {
					failed.Add(int64(j.count))
					continue
				}
				reply, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK || bytes.Contains(reply, []byte(`"error"`)) {
					failed.Add(int64(j.count))
					if failed.Load() == int64(j.count) {
						fmt.Fprintf(os.Stderr, "publish failed: %d %s\n", resp.StatusCode, truncate(reply))
					}
					continue
				}
				published.Add(int64(j.count))
			}
		}()
	}

	start := time.Now()
	var seq int64
	ticker := time.NewTicker(time.Millisecond)
	for now := range ticker.C {
		elapsed := now.Sub(start)
		if elapsed >= *duration {
			break
		}
		var due int64
		if *rate > 0 {
			due = int64(elapsed.Seconds()*(*rate)) - seq
		} else {
			due = int64(*maxBatch) * int64(*workers) // keep every worker busy
		}
		for due > 0 {
			n := int(min(due, int64(*maxBatch)))
			if *rate <= 0 && len(jobs) == cap(jobs) {
				break // as fast as possible: never queue more than the workers can take
			}
			jobs <- job{first: seq, count: n} // blocks when the workers fall behind
			seq += int64(n)
			due -= int64(n)
		}
	}
	ticker.Stop()
	sendEnd := time.Since(start)
	close(jobs)
	wg.Wait()
	elapsed := time.Since(start)
	out, _ := json.Marshal(map[string]any{
		"step": *stepIndex, "target_rate": *rate, "published": published.Load(),
		"failed": failed.Load(), "elapsed_s": elapsed.Seconds(), "send_s": sendEnd.Seconds(),
		"achieved_rate": float64(published.Load()) / elapsed.Seconds(),
	})
	fmt.Println(string(out))
}

func truncate(b []byte) string {
	if len(b) > 200 {
		b = b[:200]
	}
	return string(b)
}
