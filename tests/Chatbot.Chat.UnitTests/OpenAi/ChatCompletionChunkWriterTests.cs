using System.Text;
using System.Text.Json;
using Chatbot.Chat.OpenAi;
using Microsoft.AspNetCore.Http;

namespace Chatbot.Chat.UnitTests.OpenAi;

public sealed class ChatCompletionChunkWriterTests
{
    [Fact]
    public async Task Writes_role_then_content_then_finish_then_usage_then_done()
    {
        var (context, body) = NewContext();
        var writer = new ChatCompletionChunkWriter(context.Response, "chatcmpl-1", "chatbot", 1700000000, includeUsage: true);

        writer.Start();
        writer.AppendContent("Hel");
        writer.AppendContent("lo \"you\"");
        writer.AppendFinish("stop");
        writer.AppendUsage(new CompletionUsage(12, 2));
        writer.AppendDone();
        await writer.FlushAsync(CancellationToken.None);

        var events = Encoding.UTF8.GetString(body.ToArray()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text/event-stream", context.Response.ContentType);
        Assert.Equal("data: [DONE]", events[^1]);
        var chunks = events[..^1].Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement).ToList();
        Assert.All(chunks, c => Assert.Equal(("chatcmpl-1", "chat.completion.chunk", "chatbot"),
            (c.GetProperty("id").GetString(), c.GetProperty("object").GetString(), c.GetProperty("model").GetString())));
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        Assert.False(chunks[1].GetProperty("choices")[0].GetProperty("delta").TryGetProperty("role", out _));
        Assert.Equal("Hello \"you\"", string.Concat(chunks.Take(2).Select(c => c.GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString())));
        Assert.Equal(JsonValueKind.Null, chunks[0].GetProperty("usage").ValueKind);
        Assert.Equal("stop", chunks[2].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal(0, chunks[3].GetProperty("choices").GetArrayLength());
        Assert.Equal(14, chunks[3].GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task Without_include_usage_no_usage_is_written()
    {
        var (context, body) = NewContext();
        var writer = new ChatCompletionChunkWriter(context.Response, "chatcmpl-1", "chatbot", 1, includeUsage: false);

        writer.AppendContent("x");
        writer.AppendUsage(new CompletionUsage(1, 1));
        await writer.FlushAsync(CancellationToken.None);

        var text = Encoding.UTF8.GetString(body.ToArray());
        Assert.DoesNotContain("usage", text);
        Assert.Single(text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries));
    }

    private static (DefaultHttpContext, MemoryStream) NewContext()
    {
        var body = new MemoryStream();
        var context = new DefaultHttpContext();
        context.Response.Body = body;
        return (context, body);
    }
}
