namespace Chatbot.AppHost.Hosting;

/// <summary>A service project the AppHost can run: generated as <c>Projects.*</c> at build time, as Aspire does.</summary>
public interface IProjectMetadata
{
    /// <summary>Full path of the .csproj.</summary>
    string ProjectPath { get; }

    /// <summary>Full path of the built assembly, started with <c>dotnet &lt;AssemblyPath&gt;</c>.</summary>
    string AssemblyPath { get; }
}
