namespace Chatbot.Architecture.Tests;

public sealed class ReferenceRuleTests
{
    [Fact]
    public void No_service_project_references_another_service()
    {
        var projects = ReferenceRules.LoadProjects(RepositoryRoot.Find());

        Assert.Contains(projects, p => p.Kind == ProjectKind.Service);
        Assert.Contains(projects, p => p.Kind == ProjectKind.Library);
        Assert.Empty(ReferenceRules.Violations(projects));
    }

    [Fact]
    public void The_shared_libraries_are_the_documented_siblings_and_the_simulator_is_one_the_worker_references()
    {
        var projects = ReferenceRules.LoadProjects(RepositoryRoot.Find());

        var libraries = projects.Where(p => p.Kind == ProjectKind.Library).Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(ReferenceRules.SharedLibraries, libraries);
        var worker = Assert.Single(projects, p => p.Name == "Chatbot.InferenceWorker");
        Assert.Contains(worker.References, r => Path.GetFileName(r) == "Chatbot.Simulator.csproj");
    }

    [Fact]
    public void A_service_that_references_another_service_is_reported()
    {
        using var tree = new TemporaryTree();
        tree.Service("Chat", "../Billing/Chatbot.Billing.csproj", "../Contracts/Chatbot.Contracts.csproj", "../Billing.Quotas/Chatbot.Billing.Quotas.csproj");
        tree.Service("Billing");
        tree.Library("Contracts");
        tree.Library("Billing.Quotas");

        var violation = Assert.Single(ReferenceRules.Violations(ReferenceRules.LoadProjects(tree.Root)));
        Assert.Contains("Chatbot.Chat references the service Chatbot.Billing", violation);
    }

    [Fact]
    public void Contracts_with_a_reference_and_a_library_with_ServiceDefaults_are_reported()
    {
        using var tree = new TemporaryTree();
        tree.Library("Contracts", "../Billing.Quotas/Chatbot.Billing.Quotas.csproj");
        tree.Library("Billing.Quotas", "../../ServiceDefaults/Chatbot.ServiceDefaults.csproj");
        tree.ServiceDefaults();

        var violations = ReferenceRules.Violations(ReferenceRules.LoadProjects(tree.Root));

        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, v => v.StartsWith("Chatbot.Contracts (Contracts)", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("Chatbot.Billing.Quotas (library) references ServiceDefaults", StringComparison.Ordinal));
    }
}
