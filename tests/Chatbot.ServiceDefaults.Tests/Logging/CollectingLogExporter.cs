using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Chatbot.ServiceDefaults.Tests.Logging;

/// <summary>Stands in for the OTLP exporter: keeps the message and attributes of every exported log record.</summary>
internal sealed class CollectingLogExporter : BaseExporter<LogRecord>
{
    private readonly List<string> _exported = [];

    public IReadOnlyList<string> Exported
    {
        get
        {
            lock (_exported)
            {
                return [.. _exported];
            }
        }
    }

    public override ExportResult Export(in Batch<LogRecord> batch)
    {
        lock (_exported)
        {
            foreach (var record in batch)
            {
                var attributes = record.Attributes?.Select(a => $"{a.Key}={a.Value}") ?? [];
                _exported.Add($"{record.FormattedMessage} | {string.Join(" ", attributes)}");
            }
        }
        return ExportResult.Success;
    }
}
