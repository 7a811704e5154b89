// A client-side tool round trip with the official openai npm package against chat's /v1, printed as one JSON line:
// 1. a streamed request offering a function: the package's stream helper assembles the model's tool call from the
//    delta.tool_calls chunks (finish_reason "tool_calls");
// 2. the caller runs the tool and sends the assistant message with tool_calls and the tool result back: the model answers.
import OpenAI from 'openai';

const { OPENAI_BASE_URL, OPENAI_API_KEY, PROMPT, TOOL_RESULT } = process.env;
const client = new OpenAI({ baseURL: OPENAI_BASE_URL, apiKey: OPENAI_API_KEY, maxRetries: 0 });
const tools = [{
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
}];
const messages = [{ role: 'user', content: PROMPT }];

const stream = client.chat.completions.stream({ model: 'default', messages, tools, tool_choice: 'auto' });
let toolChunks = 0;
for await (const chunk of stream) {
  if (chunk.choices[0]?.delta?.tool_calls) toolChunks++;
}
const first = await stream.finalChatCompletion();
const asked = first.choices[0].message;

messages.push({ role: 'assistant', content: null, tool_calls: asked.tool_calls });
for (const call of asked.tool_calls ?? []) {
  messages.push({ role: 'tool', tool_call_id: call.id, content: TOOL_RESULT });
}
const second = await client.chat.completions.create({ model: 'default', messages, tools });

console.log(JSON.stringify({
  toolChunks,
  firstFinish: first.choices[0].finish_reason,
  toolCalls: asked.tool_calls,
  secondFinish: second.choices[0].finish_reason,
  answer: second.choices[0].message.content,
}));
