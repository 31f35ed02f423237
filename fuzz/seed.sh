#!/usr/bin/env bash
# Builds the fuzzers' starting corpus from the captured payloads in proxy/fixtures/: each file
# prefixed with the byte that picks its dialect or format (see proxy/src/fuzzing.rs).
set -euo pipefail
cd "$(dirname "$0")"
fixtures=../proxy/fixtures
mkdir -p corpus/client_request corpus/upstream_stream
seed() { # target selector-byte(s, octal escapes) file name
  { printf "$2"; cat "$3"; } > "corpus/$1/$4"
}
# client_request: 0 chat, 1 completions, 2 responses, 3 messages, 4 gemini (0x84: streamed)
seed client_request '\000' "$fixtures/openai_chat_request_tools.json" chat-tools
seed client_request '\003' "$fixtures/claude_code_request.json" claude-code
seed client_request '\204' "$fixtures/gemini_cli_request.json" gemini-cli
printf '\001{"model":"gpt-3.5-turbo-instruct","prompt":"Say hi","max_tokens":5,"stream":true}' > corpus/client_request/completions
printf '\002{"model":"gpt-5","input":[{"role":"user","content":[{"type":"input_text","text":"hi"}]}],"tools":[{"type":"function","name":"f","parameters":{"type":"object"}}],"stream":true}' > corpus/client_request/responses
# upstream_stream: 0 chat, 1 responses, 2 anthropic, 3 gemini; then 8 cut sizes.
cuts='\020\001\100\007\377\003\041\011'
seed upstream_stream "\000$cuts" "$fixtures/openai_stream_parallel_tools.sse" chat-tools
seed upstream_stream "\001$cuts" "$fixtures/responses_stream_tool.sse" responses-tool
seed upstream_stream "\002$cuts" "$fixtures/anthropic_stream_tool_use.sse" anthropic-tool-use
seed upstream_stream "\003$cuts" "$fixtures/gemini_stream_tools.sse" gemini-tools
