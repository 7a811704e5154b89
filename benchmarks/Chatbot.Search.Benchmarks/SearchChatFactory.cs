using Chatbot.Aspire.Testing;
using Chatbot.Chat.TestSupport;
using Chatbot.TestSupport;

namespace Chatbot.Search.Benchmarks;

/// <summary>
/// Chat in process with its shipped settings (header-based test authentication instead of identity's tokens), except
/// the request windows: every benchmark client is 127.0.0.1 in one tenant, far beyond one real caller's rate.
/// </summary>
internal sealed class SearchChatFactory(string chatDb, string redis, string rabbitMq)
    : ChatFactoryBase(chatDb, redis, rabbitMq, ChangedSettings)
{
    public static readonly IReadOnlyDictionary<string, string> ChangedSettings = new Dictionary<string, string>
    {
        ["RequestLimits:PerIp:PermitLimit"] = SystemTestSettings.Unreachable,
        ["RequestLimits:Listing:PermitLimit"] = SystemTestSettings.Unreachable,
        ["RequestLimits:PerTenant:Free:PermitLimit"] = SystemTestSettings.Unreachable,
        ["RequestLimits:PerTenant:Pro:PermitLimit"] = SystemTestSettings.Unreachable,
        ["RequestLimits:PerTenant:Enterprise:PermitLimit"] = SystemTestSettings.Unreachable,
    };

    public HttpClient CreateClient(Guid user, Guid tenant) => TestAuthHandler.Apply(CreateClient(), user, tenant);
}
