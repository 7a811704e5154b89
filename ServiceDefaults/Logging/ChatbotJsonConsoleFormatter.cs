using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Chatbot.ServiceDefaults.Logging;

/// <summary>
/// One JSON object per line: timestamp, level, category, event, message, traceId, spanId, requestId, state, scopes, exception.
/// Every string passes through <see cref="SensitiveDataScrubber"/> first.
/// </summary>
public sealed class ChatbotJsonConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "chatbot-json";
    private const string OriginalFormat = "{OriginalFormat}";
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }
        var scope = LogScopeValues.Collect(scopeProvider);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("O"));
            json.WriteString("level", logEntry.LogLevel.ToString());
            json.WriteString("category", logEntry.Category);
            json.WriteNumber("eventId", logEntry.EventId.Id);
            if (!string.IsNullOrEmpty(logEntry.EventId.Name))
            {
                json.WriteString("eventName", logEntry.EventId.Name);
            }
            json.WriteString("message", SensitiveDataScrubber.Scrub(message ?? string.Empty));
            WriteCorrelation(json, scope);
            if (logEntry.State is IEnumerable<KeyValuePair<string, object?>> state)
            {
                WriteProperties(json, "state", state);
            }
            if (scope.Properties.Count > 0)
            {
                WriteProperties(json, "scopes", scope.Properties);
            }
            if (logEntry.Exception is not null)
            {
                json.WriteString("exception", SensitiveDataScrubber.Scrub(logEntry.Exception.ToString()));
            }
            json.WriteEndObject();
        }
        textWriter.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        textWriter.Write(Environment.NewLine);
    }

    private static void WriteCorrelation(Utf8JsonWriter json, LogScopeValues scope)
    {
        var activity = Activity.Current;
        var traceId = scope.Get("TraceId") ?? (activity is null ? null : activity.TraceId.ToString());
        var spanId = scope.Get("SpanId") ?? (activity is null ? null : activity.SpanId.ToString());
        WriteIfPresent(json, "traceId", traceId);
        WriteIfPresent(json, "spanId", spanId);
        WriteIfPresent(json, "requestId", scope.Get("RequestId"));
    }

    private static void WriteIfPresent(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteProperties(Utf8JsonWriter json, string name, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in properties)
        {
            if (key == OriginalFormat)
            {
                continue;
            }
            WriteValue(json, key, value);
        }
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(key);
                break;
            case bool b:
                json.WriteBoolean(key, b);
                break;
            case int or long or short or byte or uint or ulong or ushort or sbyte:
                json.WriteNumber(key, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                json.WriteNumber(key, Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteString(key, SensitiveDataScrubber.Scrub(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
                break;
        }
    }
}
