using System.ComponentModel.DataAnnotations;

namespace Chatbot.ServiceDefaults.Data;

/// <summary>Section <c>DatabaseAvailability</c>: how the PostgreSQL probe decides that requests should fail fast.</summary>
public sealed class DatabaseAvailabilityOptions
{
    public const string Section = "DatabaseAvailability";

    /// <summary>Time between two probes (<c>SELECT 1</c> on a fresh connection).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest a probe may take (connect + query, whole seconds) before it counts as failed.</summary>
    [Range(1, 60)]
    public int ProbeTimeoutSeconds { get; set; } = 3;

    /// <summary>Failed probes in a row before requests short-circuit to 503; one slow probe on a busy machine is not an outage.</summary>
    [Range(1, 100)]
    public int FailuresBeforeUnavailable { get; set; } = 2;
}
