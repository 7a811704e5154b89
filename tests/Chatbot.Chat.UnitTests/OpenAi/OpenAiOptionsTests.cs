using Chatbot.Chat.OpenAi;

namespace Chatbot.Chat.UnitTests.OpenAi;

public sealed class OpenAiOptionsTests
{
    private static readonly Guid Tenant = Guid.NewGuid();

    private readonly OpenAiOptions options = new()
    {
        Models = [new() { Id = "chatbot", OwnedBy = "simulator" }, new() { Id = "big", OwnedBy = "openai", Tiers = ["enterprise"] }],
        StoreConversations = true,
        Tenants = new(StringComparer.OrdinalIgnoreCase) { [Tenant.ToString("D").ToUpperInvariant()] = new() { AllowSystemMessages = true } },
    };

    [Fact]
    public void Default_is_the_first_alias_and_a_tier_only_sees_its_own()
    {
        Assert.Equal("chatbot", options.Find("default", "free")?.Id);
        Assert.Null(options.Find("big", "free"));
        Assert.Equal("big", options.Find("big", "Enterprise")?.Id);
        Assert.Null(options.Find("gpt-4o", "enterprise"));
    }

    [Fact]
    public void A_tenant_entry_overrides_only_what_it_sets()
    {
        var policy = options.PolicyFor(Tenant);
        var other = options.PolicyFor(Guid.NewGuid());

        Assert.Equal((true, true), (policy.AllowSystemMessages, policy.StoreConversations));
        Assert.Equal((false, true), (other.AllowSystemMessages, other.StoreConversations));
    }

    [Fact]
    public void A_tenant_policy_limits_the_aliases_and_names_the_default()
    {
        var policy = options.PolicyFor(Guid.NewGuid(), new OpenAiTenantPolicy { Models = ["big"], DefaultModel = "big" });

        Assert.Equal("big", options.Find("default", "enterprise", policy)?.Id);
        Assert.Null(options.Find("chatbot", "enterprise", policy));
        Assert.Null(options.Find("default", "free", policy)); // the default it names is not of this tier
        Assert.Equal(["big"], options.Allowed("enterprise", policy).Select(m => m.Id));
    }

    [Fact]
    public void A_stored_policy_overrides_the_configured_tenant_entry_field_by_field()
    {
        var policy = options.PolicyFor(Tenant, new OpenAiTenantPolicy { StoreConversations = false });

        Assert.Equal((true, false), (policy.AllowSystemMessages, policy.StoreConversations));
        Assert.Null(policy.Models);
    }
}
