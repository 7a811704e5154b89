using System.Text.Json;
using Chatbot.ServiceDefaults.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chatbot.ServiceDefaults.Health;

/// <summary>Writes <c>{ status, durationMs, checks: [{ name, status, durationMs, description, tags }] }</c>; never exception text or secrets.</summary>
public static class HealthResponseWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            var description = entry.Description ?? (entry.Status == HealthStatus.Healthy ? null : entry.Exception?.GetType().Name);
            if (description is not null)
            {
                json.WriteString("description", SensitiveDataScrubber.Scrub(description));
            }
            json.WriteStartArray("tags");
            foreach (var tag in entry.Tags)
            {
                json.WriteStringValue(tag);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
