using Chatbot.ServiceDefaults.Logging;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Microsoft.Extensions.Hosting;

/// <summary>JSON console logs with trace, span and request ids; classified values redacted; sensitive text scrubbed.</summary>
public static class LoggingDefaultsExtensions
{
    public static TBuilder AddJsonLogging<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.ClearProviders();
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Logging.AddConsole(o => o.FormatterName = ChatbotJsonConsoleFormatter.FormatterName);
        builder.Logging.AddConsoleFormatter<ChatbotJsonConsoleFormatter, ConsoleFormatterOptions>(o => o.IncludeScopes = true);

        builder.Services.AddRedaction(redaction =>
        {
            redaction.SetRedactor<PlaceholderRedactor>(
                new DataClassificationSet(ChatbotData.Secret),
                new DataClassificationSet(ChatbotData.Pii),
                new DataClassificationSet(ChatbotData.UserContent));
            redaction.SetFallbackRedactor<PlaceholderRedactor>();
        });
        builder.Logging.EnableRedaction();

        // Request/response logging would write headers and bodies (tokens, prompts): never on.
        builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.W3CLogging", LogLevel.None);
        return builder;
    }
}
