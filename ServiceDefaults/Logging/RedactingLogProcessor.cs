using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Chatbot.ServiceDefaults.Logging;

/// <summary>Scrubs the formatted message and string attributes of every OpenTelemetry log record before the OTLP exporter sees it.</summary>
public sealed class RedactingLogProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        if (data.FormattedMessage is not null)
        {
            data.FormattedMessage = SensitiveDataScrubber.Scrub(data.FormattedMessage);
        }
        if (data.Attributes is { Count: > 0 } attributes)
        {
            var scrubbed = new List<KeyValuePair<string, object?>>(attributes.Count);
            foreach (var (key, value) in attributes)
            {
                scrubbed.Add(value is string or null or Uri
                    ? new(key, value is null ? null : SensitiveDataScrubber.Scrub(value.ToString()!))
                    : new(key, value));
            }
            data.Attributes = scrubbed;
        }
        base.OnEnd(data);
    }
}
