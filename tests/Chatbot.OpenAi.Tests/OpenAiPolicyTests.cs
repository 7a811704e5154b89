using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenAI;
using OpenAI.Chat;

namespace Chatbot.OpenAi.Tests;

/// <summary>
/// Model aliases routed to the worker's providers, the tenant's stored <c>/v1</c> policy (set by its administrator
/// through <c>PUT /api/openai/policy</c>) and the sampling settings reaching the provider, through the official .NET SDK.
/// </summary>
[Collection(OpenAiSystemCollection.Name)]
public sealed class OpenAiPolicyTests(OpenAiSystemFixture system)
{
    [Fact]
    public async Task Each_alias_runs_on_its_provider_and_the_stored_reply_names_that_provider_and_model()
    {
        using var caller = await system.SignUpAsync();
        var conversation = await OpenAiSystemFixture.CreateConversationAsync(caller);

        var first = await CompleteAsync(caller, "chatbot", conversation, "Which provider answers the first alias?");
        var second = await CompleteAsync(caller, OpenAiSystemFixture.SecondModel, conversation, "Which provider answers the second alias?");

        Assert.Equal(("chatbot", OpenAiSystemFixture.SecondModel), (first.Model, second.Model));
        var stored = await StoredRepliesAsync(caller, conversation, 2);
        Assert.Equal(("simulator", "simulator"), stored[OpenAiSystemFixture.ReplyIdOf(first.Id)]);
        Assert.Equal((OpenAiSystemFixture.SecondProvider, OpenAiSystemFixture.SecondProviderModel), stored[OpenAiSystemFixture.ReplyIdOf(second.Id)]);
    }

    [Fact]
    public async Task The_tenant_policy_limits_the_aliases_names_the_default_and_is_stored_for_the_tenant()
    {
        using var caller = await system.SignUpAsync();
        using var neighbour = await system.SignUpAsync();
        using var client = OpenAiHttp.Client(system, caller.ApiKey);

        var put = await caller.Client.PutAsJsonAsync("/api/openai/policy",
            new { models = new[] { OpenAiSystemFixture.SecondModel }, defaultModel = OpenAiSystemFixture.SecondModel });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        var stored = await caller.Client.GetFromJsonAsync<JsonElement>("/api/openai/policy");
        Assert.Equal(OpenAiSystemFixture.SecondModel, stored.GetProperty("defaultModel").GetString());
        Assert.Equal([OpenAiSystemFixture.SecondModel], stored.GetProperty("effective").GetProperty("models").EnumerateArray().Select(m => m.GetString()));
        var listed = await client.GetFromJsonAsync<JsonElement>("/v1/models");
        var only = Assert.Single(listed.GetProperty("data").EnumerateArray());
        Assert.Equal((OpenAiSystemFixture.SecondModel, OpenAiSystemFixture.SecondProvider),
            (only.GetProperty("id").GetString(), only.GetProperty("owned_by").GetString()));
        var refused = await OpenAiHttp.CompleteAsync(client, new { model = "chatbot", messages = new[] { new { role = "user", content = "hi" } } });
        Assert.Equal(("invalid_request_error", "model_not_found", "model"), await OpenAiHttp.ErrorAsync(refused, 404));

        var conversation = await OpenAiSystemFixture.CreateConversationAsync(caller);
        var byDefault = await CompleteAsync(caller, "default", conversation, "Who answers by default now?");
        Assert.Equal(OpenAiSystemFixture.SecondProvider, (await StoredRepliesAsync(caller, conversation, 1))[OpenAiSystemFixture.ReplyIdOf(byDefault.Id)].Provider);

        // Another tenant keeps the deployment's aliases.
        using var other = OpenAiHttp.Client(system, neighbour.ApiKey);
        Assert.Equal(2, (await other.GetFromJsonAsync<JsonElement>("/v1/models")).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task A_policy_naming_an_unknown_alias_answers_400_and_a_member_key_cannot_set_it()
    {
        using var caller = await system.SignUpAsync();

        var unknown = await caller.Client.PutAsJsonAsync("/api/openai/policy", new { models = new[] { "gpt-17" } });
        using var keyClient = OpenAiHttp.Client(system, caller.ApiKey);
        var byKey = await keyClient.PutAsJsonAsync("/api/openai/policy", new { allowSystemMessages = true });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, byKey.StatusCode);
    }

    [Fact]
    public async Task A_tenant_that_allows_system_messages_gets_them_as_instructions_and_keeps_its_completions()
    {
        using var caller = await system.SignUpAsync();
        using var client = OpenAiHttp.Client(system, caller.ApiKey);
        var put = await caller.Client.PutAsJsonAsync("/api/openai/policy", new { allowSystemMessages = true, storeConversations = true });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        var response = await OpenAiHttp.CompleteAsync(client, new
        {
            model = "default",
            messages = new object[] { new { role = "system", content = "You are a pirate." }, new { role = "user", content = "[[sim:echo]] Ahoy" } },
        });
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, json);
        var echoed = JsonDocument.Parse(json).RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;

        // What the provider received: the caller's system message inside the system prompt, under the platform's (moderation's
        // canary instruction follows it), unwrapped.
        var systemPrompt = echoed[..echoed.IndexOf("\nuser: ", StringComparison.Ordinal)];
        Assert.StartsWith("system: ", systemPrompt);
        Assert.Contains("\n\nYou are a pirate.", systemPrompt);
        Assert.DoesNotContain("untrusted_context", echoed);
        // storeConversations: the completion without metadata.conversation_id is kept as a conversation.
        Assert.True(await OpenAiSystemFixture.EventuallyAsync(async () =>
            (await caller.Client.GetFromJsonAsync<JsonElement>("/api/conversations")).GetProperty("items").GetArrayLength() == 1));
    }

    [Fact]
    public async Task Stop_sequences_cut_the_reply_with_finish_reason_stop_and_max_tokens_says_length()
    {
        using var caller = await system.SignUpAsync();
        var options = new ChatCompletionOptions { Temperature = 0.3f, TopP = 0.9f };
        options.StopSequences.Add("STOPHERE");

        ChatCompletion stopped = await Client(caller.ApiKey, "default").CompleteChatAsync(
            [new UserChatMessage("[[sim:echo]] alpha beta STOPHERE gamma")], options);
        ChatCompletion capped = await Client(caller.ApiKey, "default").CompleteChatAsync(
            [new UserChatMessage("Keep talking.")], new ChatCompletionOptions { MaxOutputTokenCount = 4 });

        Assert.EndsWith("user: [[sim:echo]] alpha beta ", stopped.Content[0].Text);
        Assert.DoesNotContain("gamma", stopped.Content[0].Text);
        Assert.Equal(ChatFinishReason.Stop, stopped.FinishReason);
        Assert.Equal(ChatFinishReason.Length, capped.FinishReason);
        Assert.Equal(4, capped.Usage.OutputTokenCount);
    }

    [Fact]
    public async Task A_streamed_reply_stops_at_the_stop_sequence()
    {
        using var caller = await system.SignUpAsync();
        var options = new ChatCompletionOptions();
        options.StopSequences.Add("STOPHERE");

        var text = new System.Text.StringBuilder();
        ChatFinishReason? finish = null;
        await foreach (var update in Client(caller.ApiKey, "default").CompleteChatStreamingAsync(
            [new UserChatMessage("[[sim:echo]] one two STOPHERE three")], options))
        {
            text.Append(string.Concat(update.ContentUpdate.Select(p => p.Text)));
            finish = update.FinishReason ?? finish;
        }

        Assert.EndsWith("user: [[sim:echo]] one two ", text.ToString());
        Assert.Equal(ChatFinishReason.Stop, finish);
    }

    private async Task<ChatCompletion> CompleteAsync(Caller caller, string model, Guid conversation, string content)
    {
        var options = new ChatCompletionOptions();
        options.Metadata["conversation_id"] = conversation.ToString();
        return await Client(caller.ApiKey, model).CompleteChatAsync([new UserChatMessage(content)], options);
    }

    /// <summary>The conversation's completed replies (id → provider, model) once <paramref name="count"/> are stored.</summary>
    private static async Task<Dictionary<Guid, (string? Provider, string? Model)>> StoredRepliesAsync(Caller caller, Guid conversation, int count)
    {
        var replies = new Dictionary<Guid, (string?, string?)>();
        Assert.True(await OpenAiSystemFixture.EventuallyAsync(async () =>
        {
            var page = await caller.Client.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}/messages");
            replies = page.GetProperty("items").EnumerateArray()
                .Where(m => m.GetProperty("role").GetString() == "assistant" && m.GetProperty("status").GetString() == "completed")
                .ToDictionary(m => m.GetProperty("id").GetGuid(), m => (m.GetProperty("provider").GetString(), m.GetProperty("model").GetString()));
            return replies.Count == count;
        }), "the replies were not stored");
        return replies;
    }

    private ChatClient Client(string key, string model) => new(model, new ApiKeyCredential(key),
        new OpenAIClientOptions { Endpoint = system.V1, RetryPolicy = new ClientRetryPolicy(maxRetries: 0) });
}
