namespace Chatbot.ServiceDefaults.Tests.Infrastructure;

/// <summary>A <see cref="RedisServer"/> for one test (<c>await using</c>), for tests whose counts must start from nothing.</summary>
internal sealed class OwnRedis : IAsyncDisposable
{
    private readonly RedisServer _server = new();

    public string ConnectionString => _server.ConnectionString;

    public static async Task<OwnRedis> StartAsync()
    {
        var redis = new OwnRedis();
        await redis._server.InitializeAsync();
        return redis;
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();
}
