using Chatbot.ServiceDefaults.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Chatbot.ServiceDefaults.Tests.Logging;

public sealed class OtlpLogRedactionTests
{
    [Fact]
    public async Task Log_records_are_scrubbed_before_an_exporter_sees_them()
    {
        const string email = "carol@example.net";
        const string key = "cbk_prod_99887766554433";
        var exporter = new CollectingLogExporter();
        await using (var app = await TestApp.StartAsync(
            configure: builder => builder.Services.AddOpenTelemetry().WithLogging(l => l.AddProcessor(new SimpleLogRecordExportProcessor(exporter))),
            map: web => web.MapPost("/log", (ILogger<OtlpLogRedactionTests> logger) =>
            {
                logger.LogInformation("Key {Key} created for {Email} via mail " + email, key, email);
                return TypedResults.Ok();
            })))
        {
            using var response = await app.Client.PostAsync("/log", null);
            response.EnsureSuccessStatusCode();
        }

        var ours = exporter.Exported.Where(e => e.StartsWith("Key ", StringComparison.Ordinal)).ToList();
        var record = Assert.Single(ours);
        Assert.Contains("[REDACTED]", record);
        Assert.DoesNotContain(email, record);
        Assert.DoesNotContain(key, record);
    }
}
