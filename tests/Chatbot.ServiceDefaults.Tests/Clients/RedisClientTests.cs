using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Chatbot.ServiceDefaults.Tests.Clients;

public sealed class RedisClientTests
{
    [Fact]
    public void The_multiplexer_reads_on_the_thread_pool_and_reconnects_instead_of_failing_at_start()
    {
        var options = RedisClientExtensions.ClientOptions("redis", "127.0.0.1:6379,password=secret");

        Assert.Same(SocketManager.ThreadPool, options.SocketManager);
        Assert.False(options.AbortOnConnectFail);
    }
}
