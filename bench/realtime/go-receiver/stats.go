package main

import (
	"encoding/json"
	"os"
	"strconv"
	"sync/atomic"
)

// Latency histogram buckets shared by every receiver (keep in sync with
// bench/realtime/receiverstats.h and js-receiver/receiver.mjs):
// 1 us up to 1 ms, 10 us up to 10 ms, 100 us up to 100 ms, 10 ms up to 10 s, then one bucket.
const buckets = 3791

func bucketOf(us int64) int {
	switch {
	case us < 0:
		return 0
	case us < 1000:
		return int(us)
	case us < 10000:
		return 1000 + int((us-1000)/10)
	case us < 100000:
		return 1900 + int((us-10000)/100)
	case us < 10000000:
		return 2800 + int((us-100000)/10000)
	default:
		return buckets - 1
	}
}

type step struct {
	count int64
	hist  []uint32
}

type Stats struct {
	name        string
	steps       map[int]*step
	Malformed   int64
	Disconnects atomic.Int64
}

func NewStats(name string) *Stats { return &Stats{name: name, steps: map[int]*step{}} }

func (s *Stats) Record(stepIndex int, latencyNs int64) {
	st := s.steps[stepIndex]
	if st == nil {
		st = &step{hist: make([]uint32, buckets)}
		s.steps[stepIndex] = st
	}
	st.count++
	st.hist[bucketOf(latencyNs/1000)]++
}

func (s *Stats) WriteFile(path string) error {
	type stepOut struct {
		Count int64      `json:"count"`
		Hist  [][2]int64 `json:"hist"`
	}
	steps := map[string]stepOut{}
	for k, st := range s.steps {
		o := stepOut{Count: st.count, Hist: [][2]int64{}}
		for b, c := range st.hist {
			if c != 0 {
				o.Hist = append(o.Hist, [2]int64{int64(b), int64(c)})
			}
		}
		steps[strconv.Itoa(k)] = o
	}
	data, err := json.Marshal(map[string]any{
		"name": s.name, "steps": steps, "malformed": s.Malformed,
		"disconnects": s.Disconnects.Load(),
	})
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// ScanPayload reads the benchmark payload {"s":<step>,"n":<seq>,"t":<unix ns>,...} without a
// JSON parser: every receiver does the same cheap scan, so the SDKs are what is measured.
func ScanPayload(b []byte) (step int, seq int64, sent int64, ok bool) {
	i := 0
	num := func(prefix string) (int64, bool) {
		if len(b)-i < len(prefix) || string(b[i:i+len(prefix)]) != prefix {
			return 0, false
		}
		i += len(prefix)
		start := i
		var v int64
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			v = v*10 + int64(b[i]-'0')
			i++
		}
		return v, i > start
	}
	s, ok1 := num(`{"s":`)
	n, ok2 := num(`,"n":`)
	t, ok3 := num(`,"t":`)
	return int(s), n, t, ok1 && ok2 && ok3
}
