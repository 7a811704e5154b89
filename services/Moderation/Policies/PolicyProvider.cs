using Chatbot.Moderation.Detectors.Policy;
using Microsoft.Extensions.Options;

namespace Chatbot.Moderation.Policies;

/// <summary>The policy of a tenant: its own entry under <c>Moderation:Tenants</c>, else the default.</summary>
public sealed class PolicyProvider(IOptionsMonitor<ModerationOptions> options)
{
    public ModerationPolicy For(Guid tenantId) =>
        options.CurrentValue.Tenants.TryGetValue(tenantId, out var policy) ? policy : options.CurrentValue.Default;
}
