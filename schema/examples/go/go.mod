module example.com/codex-transcript

go 1.19
