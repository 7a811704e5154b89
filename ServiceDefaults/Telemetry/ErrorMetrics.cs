using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Chatbot.ServiceDefaults.Telemetry;

/// <summary>
/// The one error counter (<c>chatbot.errors</c>, tag <c>error.category</c> plus a low-cardinality <c>error.type</c>).
/// Inject it and call <see cref="Record"/>; never put ids, user text or exception messages in <paramref name="errorType"/>.
/// </summary>
public sealed class ErrorMetrics
{
    public const string MeterName = "Chatbot";
    public const string CounterName = "chatbot.errors";
    public const string CategoryTag = "error.category";
    public const string TypeTag = "error.type";

    private readonly Counter<long> _errors;

    public ErrorMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _errors = meter.CreateCounter<long>(CounterName, unit: "{error}", description: "Errors by category of the closed taxonomy.");
    }

    public void Record(ErrorCategory category, string errorType)
    {
        var tags = new TagList
        {
            { CategoryTag, ToTagValue(category) },
            { TypeTag, errorType },
        };
        _errors.Add(1, tags);
    }

    public static string ToTagValue(ErrorCategory category) => category switch
    {
        ErrorCategory.Caller => "caller",
        ErrorCategory.Policy => "policy",
        ErrorCategory.Provider => "provider",
        _ => "internal",
    };
}
