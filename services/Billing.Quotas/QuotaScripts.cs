namespace Chatbot.Billing.Quotas;

/// <summary>The Lua scripts (embedded resources), each sent by SHA1 (see <see cref="QuotaScript"/>).</summary>
internal static class QuotaScripts
{
    public static readonly QuotaScript Reserve = new("reserve.lua");
    public static readonly QuotaScript Settle = new("settle.lua");
    public static readonly QuotaScript Release = new("release.lua");
    public static readonly QuotaScript Trim = new("trim.lua");

    public static IEnumerable<QuotaScript> All => [Reserve, Settle, Release, Trim];
}
