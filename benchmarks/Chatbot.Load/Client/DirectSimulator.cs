using System.Diagnostics;
using System.Net.Http.Json;
using Chatbot.Load.Metrics;

namespace Chatbot.Load.Client;

/// <summary>The simulator's standalone OpenAI-compatible endpoint (<c>POST /v1/chat/completions</c>, streaming), called
/// directly: the baseline that the pipeline's overhead is measured against.</summary>
public sealed class DirectSimulator(HttpClient http, Recorder recorder)
{
    public static HttpClient CreateHttpClient(Uri simulator) => ChatApi.CreateHttpClient(simulator);

    /// <summary>One streamed completion read to its end; records the time to its first content chunk.</summary>
    public async Task CompleteAsync(string content, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await recorder.MeasureAsync(Steps.DirectFirstToken, async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
            {
                Content = JsonContent.Create(new { model = "simulator", stream = true, messages = new[] { new { role = "user", content } } }),
            };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            ChatApi.Expect(response, System.Net.HttpStatusCode.OK);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            double? first = null;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (first is null && line.StartsWith("data: {", StringComparison.Ordinal))
                {
                    first = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }
            return first ?? throw new StepFailedException("no chunk");
        }, ct);
    }
}
