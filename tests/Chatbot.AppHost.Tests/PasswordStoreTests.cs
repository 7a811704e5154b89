using Chatbot.AppHost.Infrastructure;

namespace Chatbot.AppHost.Tests;

public sealed class PasswordStoreTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("chatbot-secrets-").FullName;

    [Fact]
    public void Passwords_are_generated_once_per_installation_and_readable_by_the_owner_only()
    {
        var first = new PasswordStore(_state).GetOrCreate("postgres-password");
        var again = new PasswordStore(_state).GetOrCreate("postgres-password");
        var other = new PasswordStore(_state).GetOrCreate("redis-password");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.True(first.Length >= 20 && first.All(char.IsLetterOrDigit));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_state, "secrets.json")));
    }

    [Fact]
    public void Another_installation_gets_other_passwords()
    {
        using var otherState = new TempFolder();

        Assert.NotEqual(new PasswordStore(_state).GetOrCreate("postgres-password"), new PasswordStore(otherState.Path).GetOrCreate("postgres-password"));
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("chatbot-secrets-").FullName;
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
