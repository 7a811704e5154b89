using System.Diagnostics;
using System.Text.Json;
using Chatbot.Load.Metrics;

namespace Chatbot.Load.Client;

/// <summary>Reads one reply's Server-Sent Events to the end: <c>token</c> events, then <c>done</c> (success) or
/// <c>error</c> (failure); a stream that closes without either is a failure too.</summary>
public sealed class ReplyStreamReader(HttpClient http, Recorder recorder, StreamGauge? gauge)
{
    public async Task ReadAsync(HttpRequestMessage request, long since, CancellationToken ct)
    {
        using var response = await recorder.TimeAsync(Steps.StreamOpen, async () =>
        {
            var r = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!r.IsSuccessStatusCode)
            {
                r.Dispose();
                throw new StepFailedException($"HTTP {(int)r.StatusCode}");
            }
            return r;
        }, ct);
        gauge?.Opened();
        var hadToken = false;
        try
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            var outcome = await ReadEventsAsync(reader, () =>
            {
                hadToken = true;
                gauge?.FirstToken();
                recorder[Steps.FirstToken].Success(Stopwatch.GetElapsedTime(since).TotalMilliseconds);
            }, ct);
            if (outcome is not null)
            {
                recorder[Steps.ReplyComplete].Failure(outcome);
                throw new StepFailedException(outcome);
            }
            recorder[Steps.ReplyComplete].Success(Stopwatch.GetElapsedTime(since).TotalMilliseconds);
        }
        catch (Exception e) when (e is not StepFailedException && !ct.IsCancellationRequested)
        {
            recorder[Steps.ReplyComplete].Failure(ErrorKind.Of(e));
            throw;
        }
        finally
        {
            gauge?.Closed(hadToken);
        }
    }

    /// <summary>Returns null after <c>done</c>, else the failure kind ("sse error: provider_failed", "stream ended early").
    /// <paramref name="onFirstToken"/> runs once, at the first <c>token</c> event.</summary>
    internal static async Task<string?> ReadEventsAsync(TextReader reader, Action onFirstToken, CancellationToken ct)
    {
        var first = true;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            switch (line)
            {
                case "event: token" when first:
                    first = false;
                    onFirstToken();
                    break;
                case "event: done":
                    return null;
                case "event: error":
                    return $"sse error: {ErrorCode(await reader.ReadLineAsync(ct))}";
            }
        }
        return "stream ended early";
    }

    /// <summary>The <c>code</c> of an error event's data line (a stable name, never the message text).</summary>
    private static string ErrorCode(string? dataLine)
    {
        try
        {
            using var data = JsonDocument.Parse(dataLine?["data: ".Length..] ?? "{}");
            return data.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString()! : "unknown";
        }
        catch (Exception e) when (e is JsonException or ArgumentOutOfRangeException)
        {
            return "unknown";
        }
    }
}
