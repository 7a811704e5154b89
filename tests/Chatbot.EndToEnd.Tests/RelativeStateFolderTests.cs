using Chatbot.Aspire.Testing;

namespace Chatbot.EndToEnd.Tests;

/// <summary>
/// A relative <c>--state-dir</c> (as the AppHost's own default resolves from nothing): services run in their own working
/// folders, so every state path the AppHost gives them must be rooted in the resolved folder, not in the option as typed.
/// </summary>
public sealed class RelativeStateFolderTests
{
    [Fact]
    public async Task Identity_writes_its_development_files_into_the_resolved_state_folder()
    {
        var relative = $"chatbot-relative-state-{Guid.NewGuid():N}";
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(["--state-dir", relative]);
        string stateDirectory;
        await using (var app = await builder.WithServices("identity").BuildAsync())
        {
            await app.StartAsync().WaitAsync(TimeSpan.FromMinutes(3));
            stateDirectory = app.StateDirectory;

            Assert.True(Path.IsPathRooted(stateDirectory));
            Assert.Equal(Path.GetFullPath(relative), stateDirectory);
            Assert.True(File.Exists(Path.Combine(stateDirectory, "identity", "bootstrap-admin-password")),
                "identity's bootstrap admin password should be in the resolved state folder");
            Assert.Equal(stateDirectory, Path.GetDirectoryName(Path.GetDirectoryName(
                app.GetEnvironment("identity")["Identity__BootstrapAdmin__PasswordFile"])));
        }

        Assert.False(Directory.Exists(stateDirectory));
    }
}
