namespace Chatbot.Architecture.Tests;

/// <summary>One outbox, one current-user type and one options-validation helper across the services (docs/architecture.md, rules).</summary>
public sealed class OneOfEachRuleTests
{
    [Fact]
    public void The_outbox_is_declared_only_in_services_Outbox()
    {
        var root = RepositoryRoot.Find();

        Assert.Empty(SourceRules.SecondOutboxes(root));
        Assert.True(File.Exists(Path.Combine(root, "services", "Outbox", "OutboxDispatcher.cs")));
    }

    [Fact]
    public void No_service_reads_claims_itself_or_declares_a_current_user_type()
    {
        var root = RepositoryRoot.Find();

        Assert.Empty(SourceRules.OwnClaimsReaders(root));
        Assert.True(File.Exists(Path.Combine(root, "ServiceDefaults", "Authentication", "CurrentUser.cs")));
    }

    [Fact]
    public void Services_validate_options_with_the_one_helper()
    {
        var root = RepositoryRoot.Find();

        Assert.Empty(SourceRules.OwnOptionsValidation(root));
        Assert.Contains("AddValidatedOptions<ChatOptions>", File.ReadAllText(Path.Combine(root, "services", "Chat", "ChatServiceExtensions.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_validated_by_hand_in_a_service_but_not_in_a_library_are_reported()
    {
        using var tree = new TemporaryTree();
        tree.Service("Chat");
        tree.Library("Outbox");
        tree.Source("services/Chat/ChatServiceExtensions.cs", "services.AddOptions<ChatOptions>().BindConfiguration(\"Chat\").ValidateDataAnnotations();");
        tree.Source("services/Outbox/OutboxServiceExtensions.cs", "services.AddOptions<OutboxOptions>().BindConfiguration(\"Outbox\").ValidateDataAnnotations();");

        Assert.Equal(new[] { Path.Combine("services", "Chat", "ChatServiceExtensions.cs") }, SourceRules.OwnOptionsValidation(tree.Root));
    }

    [Fact]
    public void A_hand_written_outbox_and_a_claims_reader_in_a_service_are_reported()
    {
        using var tree = new TemporaryTree();
        tree.Source("services/Identity/Events/OutboxDispatcher.cs", "internal sealed class OutboxDispatcher { }");
        tree.Source("services/Outbox/OutboxDispatcher.cs", "public sealed class OutboxDispatcher { }");
        tree.Source("services/Billing/Api/Caller.cs", "var tenant = http.User.FindFirst(\"tenant_id\")?.Value;");
        tree.Source("services/Moderation/Auth/CurrentUser.cs", "public sealed record CurrentUser(Guid UserId);");
        tree.Source("services/Identity/Tokens/TokenIssuer.cs", "var subject = previous?.FindFirst(\"sub\")?.Value;");

        Assert.Equal(new[] { Path.Combine("services", "Identity", "Events", "OutboxDispatcher.cs") }, SourceRules.SecondOutboxes(tree.Root));
        Assert.Equal(
            new[] { Path.Combine("services", "Billing", "Api", "Caller.cs"), Path.Combine("services", "Moderation", "Auth", "CurrentUser.cs") },
            SourceRules.OwnClaimsReaders(tree.Root).Order(StringComparer.Ordinal));
    }
}
