using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>Protocol-level readiness checks: a real login/handshake, not just an open port.</summary>
public static class InfraHealthChecks
{
    public static Func<CancellationToken, Task<bool>> Postgres(string connectionString) => async ct =>
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 3 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return await command.ExecuteScalarAsync(ct) is 1;
    };

    /// <summary>AUTH then PING must answer +OK and +PONG.</summary>
    public static Func<CancellationToken, Task<bool>> Redis(string host, int port, string password) => async ct =>
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, ct);
        var stream = client.GetStream();
        var request = $"*2\r\n$4\r\nAUTH\r\n${Encoding.UTF8.GetByteCount(password)}\r\n{password}\r\n*1\r\n$4\r\nPING\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), ct);
        var reply = await ReadAtLeastAsync(stream, "+OK\r\n+PONG\r\n".Length, ct);
        return reply.StartsWith("+OK\r\n+PONG", StringComparison.Ordinal);
    };

    /// <summary>The AMQP 0-9-1 protocol header must be answered with a Connection.Start method frame.</summary>
    public static Func<CancellationToken, Task<bool>> RabbitMq(string host, int port) => async ct =>
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, ct);
        var stream = client.GetStream();
        await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), ct);
        var buffer = new byte[7];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        return read == buffer.Length && buffer[0] == 1;
    };

    private static async Task<string> ReadAtLeastAsync(NetworkStream stream, int count, CancellationToken ct)
    {
        var buffer = new byte[256];
        var read = await stream.ReadAtLeastAsync(buffer, count, throwOnEndOfStream: false, ct);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}
