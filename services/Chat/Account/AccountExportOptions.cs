using System.ComponentModel.DataAnnotations;

namespace Chatbot.Chat.Account;

/// <summary><c>AccountExport:*</c>: the export job's queue and its download links.</summary>
public sealed class AccountExportOptions
{
    public const string Section = "AccountExport";

    /// <summary>Jobs waiting in this instance's queue at most; beyond that a job waits in the table for the sweep.</summary>
    [Range(1, 10_000)]
    public int QueueCapacity { get; set; } = 100;

    /// <summary>How long a download link works after <c>GET /api/account/export/{id}</c> minted it.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the worker looks for jobs not in any queue (after a restart or a full queue).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A job queued this long ago, or running this long without finishing, is taken by the sweep.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepAfter { get; set; } = TimeSpan.FromMinutes(2);
}
