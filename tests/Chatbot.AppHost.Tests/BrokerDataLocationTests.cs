using Chatbot.AppHost.Infrastructure;

namespace Chatbot.AppHost.Tests;

public sealed class BrokerDataLocationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("broker-memory-").FullName;
    private readonly string _liveState = Directory.CreateTempSubdirectory("broker-state-").FullName;

    [Fact]
    public void Durable_data_stays_in_the_state_folder()
    {
        Assert.Equal(Path.Combine(_liveState, "rabbitmq", "mnesia"), BrokerDataLocation.For(_liveState, durable: true));
    }

    [Fact]
    public void Only_folders_whose_state_folder_is_gone_are_removed()
    {
        var orphan = Folder("chatbot-aspire-rabbitmq-orphan", owner: Path.Combine(_liveState, "deleted-long-ago"));
        var live = Folder("chatbot-aspire-rabbitmq-live", owner: _liveState);
        var unclaimed = Folder("chatbot-aspire-rabbitmq-starting", owner: null); // its AppHost has not written the owner yet
        var other = Folder("someone-else", owner: Path.Combine(_liveState, "deleted-long-ago"));

        BrokerDataLocation.RemoveOrphans(_root);

        Assert.False(Directory.Exists(orphan));
        Assert.True(Directory.Exists(live));
        Assert.True(Directory.Exists(unclaimed));
        Assert.True(Directory.Exists(other));
    }

    private string Folder(string name, string? owner)
    {
        var folder = Path.Combine(_root, name);
        Directory.CreateDirectory(Path.Combine(folder, "mnesia"));
        if (owner is not null)
        {
            File.WriteAllText(Path.Combine(folder, "state-folder"), owner);
        }
        return folder;
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_liveState, recursive: true);
    }
}
