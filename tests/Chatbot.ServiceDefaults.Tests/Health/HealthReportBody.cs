using System.Text.Json;

namespace Chatbot.ServiceDefaults.Tests.Health;

internal static class HealthReportBody
{
    /// <summary>Reads the /health JSON body into (status, check name → status).</summary>
    public static async Task<(string Status, Dictionary<string, string> Checks)> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = doc.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
        return (doc.RootElement.GetProperty("status").GetString()!, checks);
    }
}
