using System.Net;
using System.Text.Json;

namespace Chatbot.ServiceDefaults.Tests.ErrorHandling;

internal static class ProblemAssert
{
    /// <summary>Asserts an RFC 9457 body with the given status, traceId and requestId, and returns it.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement.Clone();
        Assert.Equal((int)status, root.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("type").GetString()));
        Assert.Matches("^[0-9a-f]{32}$", root.GetProperty("traceId").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("requestId").GetString()));
        return root;
    }
}
