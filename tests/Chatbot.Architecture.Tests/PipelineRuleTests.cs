namespace Chatbot.Architecture.Tests;

/// <summary>The request pipeline is read in one place: the exception handler and status code pages come from UseServiceDefaults only.</summary>
public sealed class PipelineRuleTests
{
    [Theory]
    [InlineData("UseExceptionHandler(")]
    [InlineData("UseStatusCodePages(")]
    public void Only_ServiceDefaults_registers(string call)
    {
        var root = RepositoryRoot.Find();
        var callers = SourceFiles.Under(Path.Combine(root, "services"))
            .Where(file => File.ReadAllText(file).Contains(call, StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(root, file))
            .ToList();

        Assert.Empty(callers);
        Assert.Contains(SourceFiles.Under(Path.Combine(root, "ServiceDefaults")), file => File.ReadAllText(file).Contains(call, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_service_starts_its_pipeline_with_UseServiceDefaults_in_Program_cs()
    {
        var root = RepositoryRoot.Find();
        var programs = ReferenceRules.LoadProjects(root).Where(p => p.Kind == ProjectKind.Service)
            .Select(p => Path.Combine(Path.GetDirectoryName(p.Path)!, "Program.cs"))
            .ToList();

        Assert.NotEmpty(programs);
        Assert.All(programs, program => Assert.Contains("app.UseServiceDefaults();", File.ReadAllText(program), StringComparison.Ordinal));
    }
}
