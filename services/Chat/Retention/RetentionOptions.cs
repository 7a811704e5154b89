using System.ComponentModel.DataAnnotations;

namespace Chatbot.Chat.Retention;

/// <summary><c>Retention:*</c>: the platform default and how the retention job deletes.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";
    public const int MinDays = 1;
    public const int MaxDays = 3650;

    /// <summary>Days a conversation is kept after its last activity for tenants without a setting; unset = forever.</summary>
    [Range(MinDays, MaxDays)]
    public int? DefaultDays { get; set; }

    /// <summary>Rows one delete statement (its own short transaction) removes at most.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Pause after each delete statement, so a large run leaves the database to the routes (a 500-row batch takes
    /// ~30 ms; at 200 ms the job still deletes ~130,000 rows a minute, docs/benchmarks.md "Retention deletion rate").
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BatchPause { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the job runs (the first time one interval after start-up).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
