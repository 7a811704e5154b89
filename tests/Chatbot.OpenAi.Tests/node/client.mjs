// Drives chat's /v1 with the official openai npm package and prints one JSON line for the test to check:
// a streamed completion with stream_options.include_usage, then an error case (a model that does not exist),
// then the same conversation reached with OTHER_API_KEY (another tenant), which must fail.
import OpenAI from 'openai';

const { OPENAI_BASE_URL, OPENAI_API_KEY, OTHER_API_KEY, CONVERSATION_ID, PROMPT } = process.env;
const client = new OpenAI({ baseURL: OPENAI_BASE_URL, apiKey: OPENAI_API_KEY, maxRetries: 0 });
const result = { content: '', chunks: 0, finishReason: null, usage: null, id: null };

const stream = await client.chat.completions.create({
  model: 'default',
  messages: [{ role: 'user', content: PROMPT }],
  stream: true,
  stream_options: { include_usage: true },
  metadata: { conversation_id: CONVERSATION_ID },
});
for await (const chunk of stream) {
  result.chunks++;
  result.id = chunk.id;
  const choice = chunk.choices[0];
  if (choice?.delta?.content) result.content += choice.delta.content;
  if (choice?.finish_reason) result.finishReason = choice.finish_reason;
  if (chunk.usage) result.usage = chunk.usage;
}

const failure = async (request) => {
  try {
    await request();
    return null;
  } catch (e) {
    return { name: e.constructor.name, status: e.status, code: e.code, type: e.type, param: e.param };
  }
};
result.modelError = await failure(() =>
  client.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'hi' }] }));
const other = new OpenAI({ baseURL: OPENAI_BASE_URL, apiKey: OTHER_API_KEY, maxRetries: 0 });
result.otherTenantError = await failure(() => other.chat.completions.create({
  model: 'default', messages: [{ role: 'user', content: 'hi' }], metadata: { conversation_id: CONVERSATION_ID } }));

console.log(JSON.stringify(result));
