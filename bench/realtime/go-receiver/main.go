// Benchmark receiver on centrifuge-go: subscribes to one channel and records, per benchmark
// step, how many publications arrived and their delivery latency (publish time in the payload
// to the moment the SDK hands the publication over). Same CLI and output as the other receivers
// (see bench/realtime/README.md).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/centrifugal/centrifuge-go"
)

func main() {
	url := flag.String("url", "", "ws://host:port/connection/websocket")
	channel := flag.String("channel", "", "channel to subscribe to")
	out := flag.String("out", "", "result JSON file")
	flag.Parse()
	token := os.Getenv("BENCH_TOKEN") // not on the command line: process listings show argv

	stats := NewStats("centrifuge-go")
	var total atomic.Int64
	var mu sync.Mutex // the SDK may call handlers from more than one goroutine

	client := centrifuge.NewJsonClient(*url, centrifuge.Config{Token: token})
	defer client.Close()
	client.OnDisconnected(func(e centrifuge.DisconnectedEvent) {
		stats.Disconnects.Add(1)
		fmt.Printf("ERR disconnected %d %s\n", e.Code, e.Reason)
	})
	client.OnConnecting(func(e centrifuge.ConnectingEvent) {
		if e.Code != 0 {
			stats.Disconnects.Add(1)
			fmt.Printf("ERR connecting %d %s\n", e.Code, e.Reason)
		}
	})

	sub, err := client.NewSubscription(*channel)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(1)
	}
	ready := make(chan struct{}, 1)
	sub.OnSubscribed(func(centrifuge.SubscribedEvent) {
		select {
		case ready <- struct{}{}:
		default:
		}
	})
	sub.OnPublication(func(e centrifuge.PublicationEvent) {
		now := time.Now().UnixNano()
		step, _, sent, ok := ScanPayload(e.Data)
		mu.Lock()
		if ok {
			stats.Record(step, now-sent)
		} else {
			stats.Malformed++
		}
		mu.Unlock()
		total.Add(1)
	})
	if err := sub.Subscribe(); err != nil {
		fmt.Println("ERR", err)
		os.Exit(1)
	}
	if err := client.Connect(); err != nil {
		fmt.Println("ERR", err)
		os.Exit(1)
	}
	<-ready
	fmt.Println("READY")

	// Progress for the driver, until stdin closes.
	done := make(chan struct{})
	go func() {
		in := bufio.NewReader(os.Stdin)
		for {
			if _, err := in.ReadByte(); err != nil {
				close(done)
				return
			}
		}
	}()
	ticker := time.NewTicker(100 * time.Millisecond)
	defer ticker.Stop()
	for {
		select {
		case <-ticker.C:
			fmt.Printf("P %d\n", total.Load())
		case <-done:
			mu.Lock()
			err := stats.WriteFile(*out)
			mu.Unlock()
			if err != nil {
				fmt.Println("ERR", err)
				os.Exit(1)
			}
			fmt.Println("DONE")
			return
		}
	}
}
