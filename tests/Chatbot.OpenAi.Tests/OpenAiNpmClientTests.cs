using Chatbot.TestSupport;
using System.Text.Json;

namespace Chatbot.OpenAi.Tests;

/// <summary>
/// The official <c>openai</c> npm package (node/package-lock.json pins it; <c>npm ci</c> installs it beside the test) run
/// by node/client.mjs: a streamed completion with <c>include_usage</c>, a model error, another tenant's key.
/// </summary>
[Collection(OpenAiSystemCollection.Name)]
public sealed class OpenAiNpmClientTests(OpenAiSystemFixture system)
{
    private static readonly string NodeFolder = Path.Combine(AppContext.BaseDirectory, "node");

    [Fact]
    public async Task The_npm_client_streams_content_with_usage_billing_settled_and_gets_OpenAI_errors()
    {
        using var caller = await system.SignUpAsync();
        using var stranger = await system.SignUpAsync();
        var conversation = await OpenAiSystemFixture.CreateConversationAsync(caller);
        await RunAsync("npm", "ci --no-audit --no-fund --loglevel=error", []);

        var output = await RunAsync("node", "client.mjs", new()
        {
            ["OPENAI_BASE_URL"] = system.V1.ToString(), ["OPENAI_API_KEY"] = caller.ApiKey, ["OTHER_API_KEY"] = stranger.ApiKey,
            ["CONVERSATION_ID"] = conversation.ToString(), ["PROMPT"] = "[[sim:echo]] Hello from the npm package",
        });

        var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        Assert.Contains("user: [[sim:echo]] Hello from the npm package", result.GetProperty("content").GetString());
        Assert.True(result.GetProperty("chunks").GetInt32() > 2);
        Assert.Equal("stop", result.GetProperty("finishReason").GetString());
        var usage = result.GetProperty("usage");
        var ledger = await system.LedgerRowAsync(OpenAiSystemFixture.ReplyIdOf(result.GetProperty("id").GetString()!));
        Assert.NotNull(ledger);
        Assert.Equal((caller.UserId, conversation, usage.GetProperty("prompt_tokens").GetInt32(), usage.GetProperty("completion_tokens").GetInt32()),
            (ledger.UserId, ledger.ConversationId, ledger.InputTokens, ledger.OutputTokens));
        Assert.Equal(ledger.InputTokens + ledger.OutputTokens, usage.GetProperty("total_tokens").GetInt32());

        var modelError = result.GetProperty("modelError");
        Assert.Equal(("NotFoundError", 404, "model_not_found", "model"), (modelError.GetProperty("name").GetString(),
            modelError.GetProperty("status").GetInt32(), modelError.GetProperty("code").GetString(), modelError.GetProperty("param").GetString()));
        var otherTenant = result.GetProperty("otherTenantError");
        Assert.Equal((404, "conversation_not_found"), (otherTenant.GetProperty("status").GetInt32(), otherTenant.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task The_npm_client_gets_a_streamed_tool_call_runs_the_tool_and_the_model_answers_with_its_result()
    {
        using var caller = await system.SignUpAsync();
        await RunAsync("npm", "ci --no-audit --no-fund --loglevel=error", []);

        var output = await RunAsync("node", "tools.mjs", new()
        {
            ["OPENAI_BASE_URL"] = system.V1.ToString(), ["OPENAI_API_KEY"] = caller.ApiKey,
            ["PROMPT"] = """Weather in Paris? [[sim:tool=get_weather;args={"city":"Paris"}]]""",
            ["TOOL_RESULT"] = "Sunny and 21 degrees",
        });

        var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        Assert.True(result.GetProperty("toolChunks").GetInt32() >= 2, output); // the name, then argument fragments
        Assert.Equal("tool_calls", result.GetProperty("firstFinish").GetString());
        var call = Assert.Single(result.GetProperty("toolCalls").EnumerateArray().ToList());
        Assert.Equal("function", call.GetProperty("type").GetString());
        Assert.Equal("get_weather", call.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("""{"city":"Paris"}""", call.GetProperty("function").GetProperty("arguments").GetString());
        Assert.False(string.IsNullOrEmpty(call.GetProperty("id").GetString()));
        Assert.Equal("stop", result.GetProperty("secondFinish").GetString());
        Assert.Contains("Sunny and 21 degrees", result.GetProperty("answer").GetString());
    }

    private static async Task<string> RunAsync(string file, string arguments, Dictionary<string, string> environment)
    {
        var result = await CommandRunner.RunAsync(file, arguments.Split(' '), NodeFolder, environment);
        Assert.True(result.ExitCode == 0, $"{file} {arguments} exited {result.ExitCode}: {result.Error}");
        return result.Output;
    }
}
