namespace Chatbot.Contracts.Operations;

/// <summary>
/// An inference worker's provider chain, in fallback order, as it reports it every minute (field = the instance, in the
/// Redis hash <see cref="RedisKey"/>); chat's <c>GET /api/admin/readiness</c> shows the recent reports to a platform
/// admin, and the launch doctor's "fallback provider" row reads them. Names, kinds and models only: never a key or an endpoint's secret.
/// </summary>
public sealed record ProviderChainReport(string Instance, DateTimeOffset ReportedAt, IReadOnlyList<ReportedProvider> Providers)
{
    public const string RedisKey = "chatbot:ops:provider-chains";

    /// <summary>A report older than this is a worker that stopped: it is no longer shown (and its field is removed).</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(5);
}
