// Reads a Codex app-server transcript (the `cask validate` format: one
// {"dir":"c2s"|"s2c","msg":...} per line) from stdin, decodes the messages a UI
// cares about into Go structs, and enforces the schema's integer formats on them.
//
//	go run . -formats ../../formats.json < transcript.jsonl
//
// Exit status 0 when every message decoded and every checked integer is in range,
// 1 otherwise (each problem is printed with its line and field).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Line is one transcript line.
type Line struct {
	Dir string  `json:"dir"`
	Msg Message `json:"msg"`
}

// Message is any JSON-RPC message of the protocol (no "jsonrpc" member on this wire).
type Message struct {
	ID     json.RawMessage `json:"id,omitempty"`
	Method string          `json:"method,omitempty"`
	Params json.RawMessage `json:"params,omitempty"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  json.RawMessage `json:"error,omitempty"`
}

// AgentMessageDelta is the params of item/agentMessage/delta.
type AgentMessageDelta struct {
	ThreadID string `json:"threadId"`
	TurnID   string `json:"turnId"`
	ItemID   string `json:"itemId"`
	Delta    string `json:"delta"`
}

// TokenUsageBreakdown counts tokens; every count has format int64.
type TokenUsageBreakdown struct {
	CachedInputTokens     json.Number `json:"cachedInputTokens"`
	InputTokens           json.Number `json:"inputTokens"`
	OutputTokens          json.Number `json:"outputTokens"`
	ReasoningOutputTokens json.Number `json:"reasoningOutputTokens"`
	TotalTokens           json.Number `json:"totalTokens"`
}

// TokenUsageUpdated is the params of thread/tokenUsage/updated.
type TokenUsageUpdated struct {
	ThreadID   string `json:"threadId"`
	TurnID     string `json:"turnId"`
	TokenUsage struct {
		Total TokenUsageBreakdown `json:"total"`
		Last  TokenUsageBreakdown `json:"last"`
	} `json:"tokenUsage"`
}

// ItemCompleted is the params of item/completed, as far as a command execution goes.
type ItemCompleted struct {
	Item struct {
		Type     string       `json:"type"`
		Command  string       `json:"command"`
		Status   string       `json:"status"`
		ExitCode *json.Number `json:"exitCode"` // format int32
	} `json:"item"`
}

// TurnCompleted is the params of turn/completed.
type TurnCompleted struct {
	ThreadID string `json:"threadId"`
	Turn     struct {
		ID     string `json:"id"`
		Status string `json:"status"`
	} `json:"turn"`
}

func decode(raw json.RawMessage, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	return dec.Decode(v)
}

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }

func main() {
	formatsPath := flag.String("formats", "../../formats.json", "path of formats.json")
	flag.Parse()
	formats, err := LoadFormats(*formatsPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	problems := 0
	report := func(line int, format string, args ...any) {
		problems++
		fmt.Printf("line %d: %s\n", line, fmt.Sprintf(format, args...))
	}
	check := func(line int, field, format string, n json.Number) {
		if err := formats.Check(format, n); err != nil {
			report(line, "%s: %v", field, err)
		}
	}

	counts := map[string]int{}
	var agentText strings.Builder
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; scanner.Scan(); n++ {
		text := bytes.TrimSpace(scanner.Bytes())
		if len(text) == 0 {
			continue
		}
		var l Line
		if err := decode(text, &l); err != nil {
			report(n, "not a transcript line: %v", err)
			continue
		}
		if l.Msg.Method != "" {
			counts[l.Dir+" "+l.Msg.Method]++
		}
		switch l.Msg.Method {
		case "item/agentMessage/delta":
			var p AgentMessageDelta
			if err := decode(l.Msg.Params, &p); err != nil {
				report(n, "item/agentMessage/delta: %v", err)
			} else {
				agentText.WriteString(p.Delta)
			}
		case "thread/tokenUsage/updated":
			var p TokenUsageUpdated
			if err := decode(l.Msg.Params, &p); err != nil {
				report(n, "thread/tokenUsage/updated: %v", err)
				continue
			}
			for name, b := range map[string]TokenUsageBreakdown{"total": p.TokenUsage.Total, "last": p.TokenUsage.Last} {
				for field, v := range map[string]json.Number{
					"cachedInputTokens": b.CachedInputTokens, "inputTokens": b.InputTokens, "outputTokens": b.OutputTokens,
					"reasoningOutputTokens": b.ReasoningOutputTokens, "totalTokens": b.TotalTokens,
				} {
					check(n, "/params/tokenUsage/"+name+"/"+field, "int64", v)
				}
			}
		case "item/completed":
			var p ItemCompleted
			if err := decode(l.Msg.Params, &p); err != nil {
				report(n, "item/completed: %v", err)
			} else if p.Item.Type == "commandExecution" {
				exit := "none"
				if p.Item.ExitCode != nil {
					exit = p.Item.ExitCode.String()
				}
				fmt.Printf("command %q %s, exit code %s\n", p.Item.Command, p.Item.Status, exit)
				if p.Item.ExitCode != nil {
					check(n, "/params/item/exitCode", "int32", *p.Item.ExitCode)
				}
			}
		case "turn/completed":
			var p TurnCompleted
			if err := decode(l.Msg.Params, &p); err != nil {
				report(n, "turn/completed: %v", err)
			} else {
				fmt.Printf("turn %s: %s\n", p.Turn.ID, p.Turn.Status)
			}
		}
	}
	if err := scanner.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Printf("agent said: %s\n", agentText.String())
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%6d  %s\n", counts[k], k)
	}
	if problems > 0 {
		fmt.Printf("FAILED: %d problems\n", problems)
		os.Exit(1)
	}
	fmt.Println("ok")
}
