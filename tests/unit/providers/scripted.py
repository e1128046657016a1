"""A scripted chat model: answers tool calls from a list and keeps every prompt it was sent."""

from __future__ import annotations

import itertools

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage


class ScriptedChatModel(GenericFakeChatModel):
    """GenericFakeChatModel whose answers are structured-output tool calls, with the prompts recorded."""

    prompts: list = []

    def bind_tools(self, tools, **kwargs):
        return self  # the scripted answers already are the tool calls

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        self.prompts.append([m.content for m in messages])
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)


def scripted(*answers: tuple[str, dict | str], tokens: tuple[int, int] = (100, 50)) -> ScriptedChatModel:
    """A model that answers each call with the next (tool name, arguments) in order."""
    counter = itertools.count()

    def message(name, args):
        call = {"name": name, "args": args, "id": f"call_{next(counter)}", "type": "tool_call"}
        usage = {"input_tokens": tokens[0], "output_tokens": tokens[1], "total_tokens": sum(tokens)}
        if isinstance(args, str):  # malformed arguments arrive as an invalid tool call
            return AIMessage(content="", invalid_tool_calls=[{"name": name, "args": args, "id": call["id"],
                                                              "error": "not JSON", "type": "invalid_tool_call"}],
                             usage_metadata=usage)
        return AIMessage(content="", tool_calls=[call], usage_metadata=usage)

    return ScriptedChatModel(messages=iter([message(n, a) for n, a in answers]), prompts=[])
