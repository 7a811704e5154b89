namespace Chatbot.ServiceDefaults.Tests.Infrastructure;

/// <summary>Tests that redirect the process console run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
