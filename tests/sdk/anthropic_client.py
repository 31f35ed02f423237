"""Drives the official Anthropic Python SDK against Satu: a streamed message with tools through
the SDK's stream helper. Prints the final message as one JSON line. Env: SATU_URL, SATU_KEY, MODEL."""
import json
import os

import anthropic

client = anthropic.Anthropic(base_url=os.environ["SATU_URL"], api_key=os.environ["SATU_KEY"], max_retries=0)
tools = [{"name": "get_weather", "description": "Weather for a city",
          "input_schema": {"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]}}]
with client.messages.stream(
    model=os.environ["MODEL"],
    max_tokens=1024,
    messages=[{"role": "user", "content": "Weather in Jakarta and Bandung?"}],
    tools=tools,
) as stream:
    message = stream.get_final_message()
blocks = []
for block in message.content:
    if block.type == "text":
        blocks.append({"type": "text", "text": block.text})
    elif block.type == "tool_use":
        blocks.append({"type": "tool_use", "id": block.id, "input": block.input})
    elif block.type == "thinking":
        blocks.append({"type": "thinking"})
print(json.dumps({"stop_reason": message.stop_reason, "content": blocks, "input_tokens": message.usage.input_tokens,
                  "output_tokens": message.usage.output_tokens}))
