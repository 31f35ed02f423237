"""Drives the official OpenAI Python SDK against Satu: a streamed chat with tools, then a plain
call. Prints what the SDK assembled as one JSON line. Env: SATU_URL, SATU_KEY, MODEL."""
import json
import os

from openai import OpenAI

client = OpenAI(base_url=os.environ["SATU_URL"] + "/v1", api_key=os.environ["SATU_KEY"], max_retries=0)
tools = [{"type": "function", "function": {"name": "get_weather", "description": "Weather for a city",
          "parameters": {"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]}}}]
stream = client.chat.completions.create(
    model=os.environ["MODEL"],
    messages=[{"role": "user", "content": "Weather in Jakarta and Bandung?"}],
    tools=tools,
    stream=True,
    stream_options={"include_usage": True},
)
text, calls, finish, usage = "", {}, None, None
for chunk in stream:
    if chunk.usage:
        usage = chunk.usage.prompt_tokens
    for choice in chunk.choices:
        delta = choice.delta
        text += delta.content or ""
        for call in delta.tool_calls or []:
            entry = calls.setdefault(call.index, {"id": None, "name": None, "arguments": ""})
            entry["id"] = call.id or entry["id"]
            entry["name"] = (call.function.name if call.function else None) or entry["name"]
            entry["arguments"] += (call.function.arguments if call.function else None) or ""
        finish = choice.finish_reason or finish
plain = client.chat.completions.create(model=os.environ["MODEL"], messages=[{"role": "user", "content": "hi"}])
print(json.dumps({"text": text, "tool_calls": [calls[i] for i in sorted(calls)], "finish": finish, "usage": usage,
                  "plain": plain.choices[0].message.content}))
