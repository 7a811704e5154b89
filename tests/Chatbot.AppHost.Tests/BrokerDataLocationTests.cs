using Chatbot.AppHost.Infrastructure;

namespace Chatbot.AppHost.Tests;

public sealed class BrokerDataLocationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("broker-memory-").FullName;
    private readonly string _liveState = Directory.CreateTempSubdirectory("broker-state-").FullName;

    [Fact]
    public void Durable_data_stays_in_the_state_folder()
    {
        var node = Path.Combine(_liveState, "rabbitmq");
        Assert.Equal(Path.Combine(node, "mnesia"), BrokerDataLocation.For(node, _liveState, durable: true));
    }

    [Fact]
    public void Without_durability_each_state_folder_gets_its_own_folder_in_memory()
    {
        var node = Path.Combine(_liveState, "rabbitmq");
        var other = Path.Combine(_root, "other-state");

        var data = BrokerDataLocation.For(node, _liveState, durable: false);

        Assert.StartsWith("/dev/shm/chatbot-aspire-rabbitmq-", data, StringComparison.Ordinal);
        Assert.NotEqual(data, BrokerDataLocation.For(Path.Combine(other, "rabbitmq"), other, durable: false));
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
